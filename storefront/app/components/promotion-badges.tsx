import { useLocalized } from '../lib/format';
import type { PromotionBadge } from '../lib/queries';

/** Small red badges (满300减20, 特价, 买10送1) for the promotions a product qualifies for. */
export function PromotionBadges({
  promotions,
  max = 3,
  className = '',
}: {
  promotions: PromotionBadge[] | null | undefined;
  max?: number;
  className?: string;
}) {
  const { pick } = useLocalized();
  const list = promotions ?? [];
  if (list.length === 0) return null;
  return (
    <div className={`flex flex-wrap gap-1 ${className}`}>
      {list.slice(0, max).map((promotion) => (
        <span
          key={promotion.id}
          data-testid="promotion-badge"
          title={pick(promotion.title, promotion.titleEn)}
          className="rounded border border-red-200 bg-red-50 px-1 py-px text-[10px] leading-4 font-medium text-red-600"
        >
          {pick(promotion.badge || promotion.title, promotion.badgeEn || promotion.titleEn)}
        </span>
      ))}
    </div>
  );
}
