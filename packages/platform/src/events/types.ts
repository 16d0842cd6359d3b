/** A domain event as stored in a producer's outbox and delivered to consumers. */
export interface DomainEvent<P = unknown> {
  /** the producing subgraph's schema, e.g. "orders" */
  source: string;
  /** position in the source's log: strictly increasing in commit order, gaps allowed */
  position: bigint;
  tenantId: string;
  aggregateType: string;
  aggregateId: string;
  /** e.g. "OrderApproved" */
  type: string;
  /** version of this event type's payload shape */
  version: number;
  payload: P;
  occurredAt: Date;
}

/** An event to append; source, position and time are set by the outbox. */
export type NewEvent<P = unknown> = Pick<
  DomainEvent<P>,
  'tenantId' | 'aggregateType' | 'aggregateId' | 'type' | 'payload'
> & {
  version?: number;
};

/** The part of a Prisma client or interactive transaction the bus needs. */
export interface SqlRunner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export const EVENTS_CHANNEL = 'wholesail_events';

/** Public id of an event: "<source>:<position>", what a reconnecting subscriber sends back. */
export function eventId(event: Pick<DomainEvent, 'source' | 'position'>): string {
  return `${event.source}:${event.position}`;
}

export function parseEventId(id: string): { source: string; position: bigint } | null {
  const match = /^([a-z_][a-z0-9_]*):(\d{1,19})$/.exec(id);
  return match ? { source: match[1]!, position: BigInt(match[2]!) } : null;
}

export function assertSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad schema name ${name}`);
  return name;
}
