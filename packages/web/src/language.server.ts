import { data } from 'react-router';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './i18n';

const COOKIE = 'lng';
const ONE_YEAR = 60 * 60 * 24 * 365;

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The language of this request: `?lng=` wins (and is remembered in the plain `lng` cookie),
 * then the `lng` cookie, then zh-CN.
 */
export function resolveLanguage(request: Request): { lng: Language; setCookie?: string } {
  const asked = new URL(request.url).searchParams.get(COOKIE);
  const saved = readCookie(request.headers.get('Cookie'), COOKIE);
  if (isLanguage(asked)) {
    return asked === saved
      ? { lng: asked }
      : {
          lng: asked,
          setCookie: `${COOKIE}=${encodeURIComponent(asked)}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`,
        };
  }
  return { lng: isLanguage(saved) ? saved : DEFAULT_LANGUAGE };
}

/** The root route's loader: the language of the request, remembered in a cookie when it changed. */
export function languageData(request: Request) {
  const { lng, setCookie } = resolveLanguage(request);
  return data({ lng }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined);
}
