import i18next, { type i18n } from 'i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Translations as nested objects of strings, like the JSON files. */
export interface Translations {
  [key: string]: string | Translations;
}

/** The strings of the shared components (language switcher, error page), per language. */
const SHARED: Record<Language, Translations> = { 'zh-CN': zhCN, en };

/** `extra` on top of `base`, nested objects merged key by key. */
function merge(base: Translations, extra: Translations): Translations {
  const result: Translations = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const under = result[key];
    result[key] = typeof value === 'object' && typeof under === 'object' ? merge(under, value) : value;
  }
  return result;
}

/**
 * The `i18nFor(lng)` of an app: its own translations on top of the shared ones (an app's string
 * wins over a shared one with the same key).
 */
export function createI18n(translations: Record<Language, Translations>): (lng: Language) => i18n {
  const resources = Object.fromEntries(
    LANGUAGES.map((lng) => [lng, { translation: merge(SHARED[lng], translations[lng]) }]),
  );

  // One ready instance per language, shared by every request: requests never switch a shared
  // instance's language, so concurrent server renders in different languages cannot mix.
  const instances = new Map<Language, i18n>();

  return function i18nFor(lng: Language): i18n {
    let instance = instances.get(lng);
    if (!instance) {
      instance = i18next.createInstance();
      void instance.init({
        lng,
        fallbackLng: DEFAULT_LANGUAGE,
        supportedLngs: [...LANGUAGES],
        load: 'currentOnly',
        resources,
        initAsync: false,
        interpolation: { escapeValue: false },
        showSupportNotice: false,
      });
      instances.set(lng, instance);
    }
    return instance;
  };
}
