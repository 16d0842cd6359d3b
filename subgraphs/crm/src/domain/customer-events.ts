/** The facts other domains keep of a customer (their projections), as carried by `CustomerChanged`. */
export interface CustomerFacts {
  id: string;
  code: string;
  name: string;
  levelId: string;
  warehouseId: string | null;
  routeId: string | null;
  ownerRepId: string | null;
  status: string;
}

export const CUSTOMER_CHANGED = 'CustomerChanged';
export const CUSTOMER_LEVEL_CHANGED = 'CustomerLevelChanged';

export function customerChangedPayload(c: CustomerFacts) {
  return {
    customerId: c.id,
    code: c.code,
    name: c.name,
    levelId: c.levelId,
    warehouseId: c.warehouseId,
    routeId: c.routeId,
    ownerRepId: c.ownerRepId,
    status: c.status,
  };
}

/** Whether a change touches a fact other domains project (a phone number alone does not). */
export function changesProjectedFacts(before: CustomerFacts, after: CustomerFacts): boolean {
  const a = customerChangedPayload(before);
  const b = customerChangedPayload(after);
  return (Object.keys(a) as (keyof typeof a)[]).some((k) => a[k] !== b[k]);
}

export interface CustomerInput {
  name?: string | null;
  contactName?: string | null;
  phone?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** Field rules of a customer profile; ids of other domains are checked by the caller. */
export function customerInputProblems(input: CustomerInput): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (input.name != null && !input.name.trim())
    problems.push({ field: 'name', message: '名称不能为空 (name is required)' });
  if (input.name != null && input.name.length > 100)
    problems.push({ field: 'name', message: '名称最多 100 个字 (name is at most 100 characters)' });
  if (input.phone != null && input.phone.trim() && !/^[0-9+\-\s]{5,20}$/.test(input.phone))
    problems.push({ field: 'phone', message: '电话号码格式不正确 (phone number is not valid)' });
  if (input.latitude != null && (input.latitude < -90 || input.latitude > 90))
    problems.push({ field: 'latitude', message: 'latitude must be between -90 and 90' });
  if (input.longitude != null && (input.longitude < -180 || input.longitude > 180))
    problems.push({ field: 'longitude', message: 'longitude must be between -180 and 180' });
  return problems;
}
