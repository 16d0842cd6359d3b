import { randomUUID } from 'node:crypto';

/** The header that ties together the log lines of one browser request across the gateway and subgraphs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Printable ASCII without spaces, at most 200 characters: anything else is replaced by a fresh id. */
const ACCEPTED_REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

const generated = new WeakMap<Request, string>();

/**
 * The request id of an incoming request: the browser's (or a proxy's) `x-request-id` when it has a
 * sane one, else a random UUID, the same one for every gateway call made for this request.
 */
export function requestIdOf(request: Request): string {
  const given = request.headers.get(REQUEST_ID_HEADER)?.trim();
  if (given && ACCEPTED_REQUEST_ID.test(given)) return given;
  let id = generated.get(request);
  if (!id) {
    id = randomUUID();
    generated.set(request, id);
  }
  return id;
}
