import { createI18n } from '@wholesail/web/i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

/** This app's translations, on top of the shared ones of @wholesail/web. */
export const i18nFor = createI18n({ 'zh-CN': zhCN, en });
