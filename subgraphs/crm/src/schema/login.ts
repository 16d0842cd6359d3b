import {
  type AuthenticatedViewer,
  adoptViewer,
  decoyPasswordHash,
  loadBaseConfig,
  runInTenant,
  type StaffRole,
  signToken,
  verifyPassword,
} from '@wholesail/platform';
import { builder } from '../builder';
import { database, db } from '../db';
import { afterFailure, retryAfterSeconds, throttleKey } from '../domain/login-throttle';
import { ViewerUnion } from './viewer';

builder.mutationType({});

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    tenant: t.string({ required: true, description: 'The distributor, e.g. "demo".' }),
    username: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

type ViewerRow = Awaited<ReturnType<typeof findUser>>;

interface LoginSuccessShape {
  token: string;
  expiresAt: Date;
  viewer: NonNullable<ViewerRow>['row'];
}

const LoginSuccess = builder.objectRef<LoginSuccessShape>('LoginSuccess').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as "Authorization: Bearer <token>".' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    viewer: t.field({ type: ViewerUnion, resolve: (s) => s.viewer }),
  }),
});

const InvalidCredentials = builder.objectRef<{ message: string }>('InvalidCredentials').implement({
  description: 'Unknown tenant, unknown user and wrong password all give this same answer.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const TooManyLoginAttempts = builder
  .objectRef<{ message: string; retryAfterSeconds: number }>('TooManyLoginAttempts')
  .implement({
    fields: (t) => ({
      message: t.exposeString('message'),
      retryAfterSeconds: t.exposeInt('retryAfterSeconds'),
    }),
  });

const AccountNotActive = builder.objectRef<{ message: string }>('AccountNotActive').implement({
  description: 'The password is right but the account (or its store) is pending review or suspended.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const LoginResult = builder.unionType('LoginResult', {
  types: [LoginSuccess, InvalidCredentials, TooManyLoginAttempts, AccountNotActive],
  resolveType: (value) => {
    if ('token' in value) return 'LoginSuccess';
    if ('retryAfterSeconds' in value) return 'TooManyLoginAttempts';
    if ('inactive' in value) return 'AccountNotActive';
    return 'InvalidCredentials';
  },
});

async function findUser(tenantId: string, username: string) {
  const staff = await db().staff.findUnique({ where: { tenantId_username: { tenantId, username } } });
  if (staff) {
    const viewer: AuthenticatedViewer = {
      kind: 'staff',
      tenantId,
      staffId: staff.id,
      roles: staff.roles as StaffRole[],
    };
    return { row: staff, hash: staff.passwordHash, active: staff.active, viewer };
  }
  const user = await db().customerUser.findUnique({
    where: { tenantId_username: { tenantId, username } },
    include: { customer: true },
  });
  if (user) {
    const viewer: AuthenticatedViewer = {
      kind: 'customer',
      tenantId,
      customerId: user.customerId,
      customerUserId: user.id,
    };
    return {
      row: user,
      hash: user.passwordHash,
      active: user.active && user.customer.status === 'ACTIVE',
      viewer,
    };
  }
  return null;
}

/** Counts a failure atomically: concurrent failed logins each count (row locked while counting). */
async function recordFailure(key: string, now: Date): Promise<void> {
  const table = `"${database.schema}"."LoginThrottle"`;
  await database.raw().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${table} (key, failures, "windowStart") VALUES ($1, 0, $2) ON CONFLICT (key) DO NOTHING`,
      key,
      now,
    );
    const [row] = await tx.$queryRawUnsafe<
      { failures: number; windowStart: Date; blockedUntil: Date | null }[]
    >(`SELECT failures, "windowStart", "blockedUntil" FROM ${table} WHERE key = $1 FOR UPDATE`, key);
    const next = afterFailure(row && row.failures > 0 ? row : null, now);
    await tx.loginThrottle.update({ where: { key }, data: next });
  });
}

const INVALID = { message: 'The tenant, username or password is not right.' };

builder.mutationField('login', (t) =>
  t.field({
    type: LoginResult,
    description: 'Exchanges a username and password for an access token.',
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const now = new Date();
      const raw = database.raw();
      const key = throttleKey(input.tenant, input.username);
      const throttle = await raw.loginThrottle.findUnique({ where: { key } });
      const wait = retryAfterSeconds(throttle, now);
      if (wait > 0) {
        return {
          message: `Too many failed attempts; try again in ${wait} seconds.`,
          retryAfterSeconds: wait,
        };
      }

      const tenant = await raw.tenant.findUnique({ where: { slug: input.tenant.trim().toLowerCase() } });
      const found = tenant
        ? await runInTenant(tenant.id, () => findUser(tenant.id, input.username.trim()))
        : null;
      // Always run one scrypt, so timing does not tell whether the user exists.
      const ok = await verifyPassword(input.password, found?.hash ?? (await decoyPasswordHash()));

      if (!found || !ok) {
        await recordFailure(key, now);
        return INVALID;
      }
      if (throttle) await raw.loginThrottle.delete({ where: { key } }).catch(() => {});
      if (!found.active)
        return { message: 'This account is not active yet or has been suspended.', inactive: true };

      // The viewer in the result is resolved after this returns, in this tenant.
      adoptViewer(ctx, found.viewer);
      const config = loadBaseConfig();
      const token = await signToken(found.viewer, config.AUTH_SECRET, config.TOKEN_TTL_SECONDS);
      return {
        token,
        expiresAt: new Date(now.getTime() + config.TOKEN_TTL_SECONDS * 1000),
        viewer: found.row,
      };
    },
  }),
);
