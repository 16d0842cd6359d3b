import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

export const STAFF_ROLES = ['BOSS', 'OFFICE', 'REP', 'STORE_MANAGER', 'PICKER', 'DRIVER', 'FINANCE'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is calling. Every request has one; anonymous callers are `guest` of a tenant or `none`. */
export type Viewer =
  | { kind: 'staff'; tenantId: string; staffId: string; roles: StaffRole[] }
  | { kind: 'customer'; tenantId: string; customerId: string; customerUserId: string }
  | { kind: 'service'; tenantId: string; service: string }
  | { kind: 'guest'; tenantId: string }
  | { kind: 'none' };

export type AuthenticatedViewer = Exclude<Viewer, { kind: 'none' } | { kind: 'guest' }>;

const ISSUER = 'wholesail';
const AUDIENCE = 'wholesail';

/** Why a presented token was not accepted; the message is safe to show a client. */
export class TokenError extends Error {
  override name = 'TokenError';
  constructor(
    message: string,
    readonly reason: 'expired' | 'invalid',
  ) {
    super(message);
  }
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A viewer a token can be issued for: a logged-in one, or a guest of a tenant (minted by the gateway). */
export type TokenViewer = AuthenticatedViewer | { kind: 'guest'; tenantId: string };

export async function signToken(viewer: TokenViewer, secret: string, ttlSeconds: number): Promise<string> {
  const claims: Record<string, unknown> = { tid: viewer.tenantId, kind: viewer.kind };
  let subject: string;
  switch (viewer.kind) {
    case 'staff':
      claims.roles = viewer.roles;
      subject = viewer.staffId;
      break;
    case 'customer':
      claims.cid = viewer.customerId;
      subject = viewer.customerUserId;
      break;
    case 'service':
      subject = viewer.service;
      break;
    case 'guest':
      subject = 'guest';
      break;
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

/** A short-lived token a service uses to call another service on behalf of a tenant. */
export function signServiceToken(service: string, tenantId: string, secret: string): Promise<string> {
  return signToken({ kind: 'service', service, tenantId }, secret, 60);
}

/** A guest token: browsing a tenant that allows it, without logging in. Minted by the gateway only. */
export function signGuestToken(tenantId: string, secret: string): Promise<string> {
  return signToken({ kind: 'guest', tenantId }, secret, 120);
}

export async function verifyToken(token: string, secret: string): Promise<TokenViewer> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new TokenError('The access token has expired; log in again.', 'expired');
    throw new TokenError('The access token is not valid.', 'invalid');
  }
  const tenantId = payload.tid;
  const sub = payload.sub;
  if (typeof tenantId !== 'string' || typeof sub !== 'string') {
    throw new TokenError('The access token is not valid.', 'invalid');
  }
  switch (payload.kind) {
    case 'staff': {
      const roles = Array.isArray(payload.roles) ? payload.roles : [];
      return {
        kind: 'staff',
        tenantId,
        staffId: sub,
        roles: roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r as string)),
      };
    }
    case 'customer':
      if (typeof payload.cid !== 'string') throw new TokenError('The access token is not valid.', 'invalid');
      return { kind: 'customer', tenantId, customerId: payload.cid, customerUserId: sub };
    case 'service':
      return { kind: 'service', tenantId, service: sub };
    case 'guest':
      return { kind: 'guest', tenantId };
    default:
      throw new TokenError('The access token is not valid.', 'invalid');
  }
}

/** Reads `Authorization: Bearer <token>`; undefined when absent, TokenError when malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new TokenError('The Authorization header must be "Bearer <token>".', 'invalid');
  return match[1];
}

// Passwords: scrypt (memory-hard), 32 MiB per hash, encoded with its parameters so they can rise later.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N: n, r, p, maxmem: 256 * n * r },
      (err, derived) => (err ? reject(err) : resolve(derived)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = encoded.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A valid hash of a random password: verifying against it costs what a real check costs. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(24).toString('base64'));
  return decoyHash;
}
