import { createCookieSessionStorage, redirect, type SessionStorage } from 'react-router';
import { sessionSecret } from './env.server';

/** Who is logged in, as the login mutation described them (kept for the layout; the token is the truth). */
export interface SessionViewer {
  id: string;
  name: string;
  roles: string[];
}

interface SessionData {
  token: string;
  expiresAt: string;
  viewer: SessionViewer;
}

const COOKIE_NAME = '__wholesail_console';

let storage: SessionStorage<SessionData> | undefined;

function sessionStorage(): SessionStorage<SessionData> {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: COOKIE_NAME,
      httpOnly: true,
      path: '/',
      sameSite: 'lax',
      secrets: [sessionSecret()],
    },
  });
  return storage;
}

/** Secure cookies when the browser talks to us over https (directly or through a proxy). */
function isHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto');
  if (forwarded) return forwarded.split(',')[0]?.trim() === 'https';
  return new URL(request.url).protocol === 'https:';
}

function getSession(request: Request) {
  return sessionStorage().getSession(request.headers.get('Cookie'));
}

export interface Auth {
  token: string;
  viewer: SessionViewer;
}

/** The token and viewer from the cookie, or null when absent or expired. */
export async function readAuth(request: Request): Promise<Auth | null> {
  const session = await getSession(request);
  const token = session.get('token');
  const viewer = session.get('viewer');
  const expiresAt = session.get('expiresAt');
  if (!token || !viewer) return null;
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) return null;
  return { token, viewer };
}

/** A Set-Cookie header value that stores the token until it expires. */
export async function commitAuth(
  request: Request,
  auth: { token: string; expiresAt: string; viewer: SessionViewer },
): Promise<string> {
  const session = await getSession(request);
  session.set('token', auth.token);
  session.set('expiresAt', auth.expiresAt);
  session.set('viewer', auth.viewer);
  const seconds = Math.floor((Date.parse(auth.expiresAt) - Date.now()) / 1000);
  return sessionStorage().commitSession(session, {
    secure: isHttps(request),
    ...(Number.isFinite(seconds) && seconds > 0 ? { maxAge: seconds } : {}),
  });
}

/** A Set-Cookie header value that removes the session. */
export async function destroyAuth(request: Request): Promise<string> {
  const session = await getSession(request);
  return sessionStorage().destroySession(session, { secure: isHttps(request) });
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

/** The session of a logged-in user, or a redirect to /login. */
export async function requireAuth(request: Request): Promise<Auth> {
  const auth = await readAuth(request);
  if (!auth) {
    const hasCookie = request.headers.get('Cookie')?.includes(`${COOKIE_NAME}=`) ?? false;
    throw redirect(
      loginUrl(request),
      hasCookie ? { headers: { 'Set-Cookie': await destroyAuth(request) } } : undefined,
    );
  }
  return auth;
}
