import { useTranslation } from 'react-i18next';

/** A product's picture, or its first character on grey when it has none. */
export function ProductImage({
  src,
  name,
  className = '',
}: {
  src: string | undefined;
  name: string;
  className?: string;
}) {
  const { t } = useTranslation();
  if (src)
    return <img src={src} alt={name} loading="lazy" className={`size-full ${className || 'object-cover'}`} />;
  return (
    <div className={`flex size-full flex-col items-center justify-center gap-1 text-slate-300 ${className}`}>
      <span className="text-3xl font-semibold">{name.slice(0, 1)}</span>
      <span className="text-[11px]">{t('product.noImage')}</span>
    </div>
  );
}
