import i18next, { type i18n } from 'i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
};

// One ready instance per language, shared by every request: requests never switch a shared
// instance's language, so concurrent server renders in different languages cannot mix.
const instances = new Map<Language, i18n>();

export function i18nFor(lng: Language): i18n {
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
}
