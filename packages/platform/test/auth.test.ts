import { SignJWT } from 'jose';
import {
  bearerToken,
  hashPassword,
  signServiceToken,
  signToken,
  TokenError,
  verifyPassword,
  verifyToken,
} from '../src/auth';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

describe('tokens', () => {
  it('round-trips staff, customer and service viewers', async () => {
    const staff = {
      kind: 'staff' as const,
      tenantId: 't1',
      staffId: 's1',
      roles: ['BOSS' as const, 'REP' as const],
    };
    expect(await verifyToken(await signToken(staff, secret, 60), secret)).toEqual(staff);
    const customer = { kind: 'customer' as const, tenantId: 't1', customerId: 'c1', customerUserId: 'u1' };
    expect(await verifyToken(await signToken(customer, secret, 60), secret)).toEqual(customer);
    expect(await verifyToken(await signServiceToken('orders', 't1', secret), secret)).toEqual({
      kind: 'service',
      tenantId: 't1',
      service: 'orders',
    });
  });

  it('refuses expired, forged and foreign tokens', async () => {
    const viewer = { kind: 'staff' as const, tenantId: 't1', staffId: 's1', roles: [] };
    await expect(verifyToken(await signToken(viewer, secret, -5), secret)).rejects.toMatchObject({
      reason: 'expired',
    });
    await expect(verifyToken(await signToken(viewer, `${secret}x`, 60), secret)).rejects.toBeInstanceOf(
      TokenError,
    );
    await expect(verifyToken('abc.def.ghi', secret)).rejects.toBeInstanceOf(TokenError);
    const otherIssuer = await new SignJWT({ tid: 't1', kind: 'staff' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s1')
      .setIssuer('someone-else')
      .setAudience('wholesail')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(secret));
    await expect(verifyToken(otherIssuer, secret)).rejects.toBeInstanceOf(TokenError);
  });

  it('drops unknown roles and rejects unknown kinds', async () => {
    const token = await new SignJWT({ tid: 't1', kind: 'staff', roles: ['BOSS', 'GOD'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s1')
      .setIssuer('wholesail')
      .setAudience('wholesail')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(secret));
    expect(await verifyToken(token, secret)).toMatchObject({ roles: ['BOSS'] });
    const weird = await new SignJWT({ tid: 't1', kind: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s1')
      .setIssuer('wholesail')
      .setAudience('wholesail')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(secret));
    await expect(verifyToken(weird, secret)).rejects.toBeInstanceOf(TokenError);
  });

  it('parses bearer headers', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(() => bearerToken('Basic abc')).toThrow(TokenError);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and verifies', async () => {
    const hash = await hashPassword('demo1234');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('demo1234', hash)).toBe(true);
    expect(await verifyPassword('demo12345', hash)).toBe(false);
    expect(await verifyPassword('demo1234', 'garbage')).toBe(false);
    expect(await hashPassword('demo1234')).not.toBe(hash);
  });
});
