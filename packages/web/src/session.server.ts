import { createCookieSessionStorage, redirect, type SessionStorage } from 'react-router';
import { assertServerEnv, sessionSecret } from './env.server';

/** What every app keeps of the logged-in user; each app adds its own fields (customer, roles). */
export interface BaseSessionViewer {
  id: string;
  name: string;
}

interface SessionData<V extends BaseSessionViewer> {
  token: string;
  expiresAt: string;
  viewer: V;
}

export interface Auth<V extends BaseSessionViewer> {
  token: string;
  viewer: V;
}

/** The login session of one app, kept in its own signed httpOnly cookie. */
export interface AppSession<V extends BaseSessionViewer> {
  /** The cookie's name: `__wholesail_<app>`. */
  readonly cookieName: string;
  /** The token and viewer from the cookie, or null when absent or expired. */
  readAuth(request: Request): Promise<Auth<V> | null>;
  /** A Set-Cookie header value that stores the token until it expires. */
  commitAuth(request: Request, auth: { token: string; expiresAt: string; viewer: V }): Promise<string>;
  /** A Set-Cookie header value that removes the session. */
  destroyAuth(request: Request): Promise<string>;
  /** The session of a logged-in user, or a redirect to /login. */
  requireAuth(request: Request): Promise<Auth<V>>;
}

/** Secure cookies when the browser talks to us over https (directly or through a proxy). */
function isHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto');
  if (forwarded) return forwarded.split(',')[0]?.trim() === 'https';
  return new URL(request.url).protocol === 'https:';
}

/**
 * The session of the app named `app` (cookie `__wholesail_<app>`). Called once per app when its
 * server starts, which is also when a production server without a usable SESSION_SECRET stops.
 */
export function createSessionStorageFor<V extends BaseSessionViewer>(app: string): AppSession<V> {
  const cookieName = `__wholesail_${app}`;
  assertServerEnv();

  let storage: SessionStorage<SessionData<V>> | undefined;
  function sessionStorage(): SessionStorage<SessionData<V>> {
    storage ??= createCookieSessionStorage<SessionData<V>>({
      cookie: {
        name: cookieName,
        httpOnly: true,
        path: '/',
        sameSite: 'lax',
        secrets: [sessionSecret()],
      },
    });
    return storage;
  }

  function getSession(request: Request) {
    return sessionStorage().getSession(request.headers.get('Cookie'));
  }

  async function readAuth(request: Request): Promise<Auth<V> | null> {
    const session = await getSession(request);
    const token = session.get('token');
    const viewer = session.get('viewer');
    const expiresAt = session.get('expiresAt');
    if (!token || !viewer) return null;
    if (expiresAt && Date.parse(expiresAt) <= Date.now()) return null;
    return { token, viewer: viewer as V };
  }

  async function commitAuth(
    request: Request,
    auth: { token: string; expiresAt: string; viewer: V },
  ): Promise<string> {
    const session = await getSession(request);
    session.set('token', auth.token);
    session.set('expiresAt', auth.expiresAt);
    session.set('viewer', auth.viewer as SessionData<V>['viewer']);
    const seconds = Math.floor((Date.parse(auth.expiresAt) - Date.now()) / 1000);
    return sessionStorage().commitSession(session, {
      secure: isHttps(request),
      ...(Number.isFinite(seconds) && seconds > 0 ? { maxAge: seconds } : {}),
    });
  }

  async function destroyAuth(request: Request): Promise<string> {
    const session = await getSession(request);
    return sessionStorage().destroySession(session, { secure: isHttps(request) });
  }

  async function requireAuth(request: Request): Promise<Auth<V>> {
    const auth = await readAuth(request);
    if (!auth) {
      const hasCookie = request.headers.get('Cookie')?.includes(`${cookieName}=`) ?? false;
      throw redirect(
        loginUrl(request),
        hasCookie ? { headers: { 'Set-Cookie': await destroyAuth(request) } } : undefined,
      );
    }
    return auth;
  }

  return { cookieName, readAuth, commitAuth, destroyAuth, requireAuth };
}

/** Where to send someone who must log in first; keeps the page to come back to and the language. */
export function loginUrl(request: Request): string {
  const url = new URL(request.url);
  const params = new URLSearchParams();
  const back = url.pathname + url.search;
  if (back !== '/') params.set('redirectTo', back);
  const lng = url.searchParams.get('lng');
  if (lng) params.set('lng', lng);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

/** Only same-site absolute paths, so ?redirectTo= cannot send anyone to another site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) {
    return fallback;
  }
  return to;
}
