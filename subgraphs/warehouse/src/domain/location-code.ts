/**
 * Bin locations (库位). A location is addressed by zone / aisle / rack / level / position and
 * its code joins them with dashes, e.g. "1-A-03-09-42". Pickers walk a warehouse in code order,
 * comparing numbers as numbers ("2" before "10"), so pick lists are sorted with comparePickWalk.
 */
export interface LocationParts {
  zone: string;
  aisle: string;
  rack: string;
  level: string;
  position: string;
}

const PARTS = ['zone', 'aisle', 'rack', 'level', 'position'] as const;
const SEGMENT = /^[0-9A-Za-z]+$/;

/** The code of a location; throws when a part is empty or holds anything but letters and digits. */
export function formatLocationCode(parts: LocationParts): string {
  return PARTS.map((p) => {
    const value = parts[p].trim();
    if (!SEGMENT.test(value)) throw new RangeError(`Location ${p} "${parts[p]}" must be letters and digits`);
    return value.toUpperCase();
  }).join('-');
}

/** The parts of a location code, or null when it is not five dash-separated segments. */
export function parseLocationCode(code: string): LocationParts | null {
  const segments = code.trim().split('-');
  if (segments.length !== PARTS.length || !segments.every((s) => SEGMENT.test(s))) return null;
  const [zone, aisle, rack, level, position] = segments.map((s) => s.toUpperCase()) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { zone, aisle, rack, level, position };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Pick-walk order: zone, then aisle, rack, level and position, numbers compared as numbers. */
export function comparePickWalk(a: LocationParts, b: LocationParts): number {
  for (const p of PARTS) {
    const c = collator.compare(a[p], b[p]);
    if (c !== 0) return c;
  }
  return 0;
}
