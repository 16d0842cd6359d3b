import { createI18n } from '@wholesail/web/i18n';
import catalogEn from './catalog/en.json';
import catalogZhCN from './catalog/zh-CN.json';
import en from './en.json';
import ordersEn from './orders/en.json';
import ordersZhCN from './orders/zh-CN.json';
import pricingEn from './pricing/en.json';
import pricingZhCN from './pricing/zh-CN.json';
import zhCN from './zh-CN.json';

/**
 * This app's translations, on top of the shared ones of @wholesail/web. Each area keeps its own
 * files with its own top-level keys (`catalog`, `pricing`, `orders`), so the files never overlap.
 */
export const i18nFor = createI18n({
  'zh-CN': { ...zhCN, ...catalogZhCN, ...pricingZhCN, ...ordersZhCN },
  en: { ...en, ...catalogEn, ...pricingEn, ...ordersEn },
});
