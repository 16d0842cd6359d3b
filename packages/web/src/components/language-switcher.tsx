import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LANGUAGES } from '../i18n';

/** Links to the same page with `?lng=`; the server remembers the choice in the `lng` cookie. */
export function LanguageSwitcher({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t('language.label')} className={`flex items-center gap-1 text-xs ${className}`}>
      {LANGUAGES.map((lng) => {
        const params = new URLSearchParams(location.search);
        params.set('lng', lng);
        const active = i18n.language === lng;
        return (
          <Link
            key={lng}
            to={{ pathname: location.pathname, search: `?${params.toString()}` }}
            aria-current={active ? 'true' : undefined}
            data-testid={`lng-${lng}`}
            className={
              active
                ? 'rounded-full bg-slate-900 px-2.5 py-1 font-medium text-white'
                : 'rounded-full px-2.5 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900'
            }
          >
            {t(`language.${lng}`)}
          </Link>
        );
      })}
    </nav>
  );
}
