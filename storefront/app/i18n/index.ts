import { createI18n } from '@wholesail/web/i18n';
import en from './en.json';
import orderingEn from './ordering/en.json';
import orderingZhCN from './ordering/zh-CN.json';
import zhCN from './zh-CN.json';

/**
 * This app's translations, on top of the shared ones of @wholesail/web. An area may keep its own
 * files with its own top-level key (`ordering`), so the files never overlap.
 */
export const i18nFor = createI18n({ 'zh-CN': { ...zhCN, ...orderingZhCN }, en: { ...en, ...orderingEn } });
