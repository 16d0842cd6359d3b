import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../lib/format';
import type { LineSku, Money, PlaceOrderRefusal, RuleProblem, ShortLine } from '../../lib/ordering-queries';
import { minus, money, useChinaTime } from './format';

function useSkuName() {
  const { name } = useLocalized();
  return (sku: LineSku | null | undefined) =>
    sku ? `${name(sku.product)}${sku.spec ? ` ${sku.spec}` : ''}` : '';
}

/** The short name of a broken rule, for the reason next to a disabled submit button. */
export function useProblemTitle() {
  const { t } = useTranslation();
  return (problem: { __typename: string }) =>
    t(`ordering.problem.${problem.__typename}.title`, { defaultValue: t('ordering.problem.other') });
}

function BelowMinimumText({
  minimumAmount,
  minimumQuantity,
  amount,
  quantity,
}: {
  minimumAmount: Money;
  minimumQuantity: number;
  amount: Money;
  quantity: number;
}) {
  const { t } = useTranslation();
  const short = BigInt(minimumAmount.minor) > BigInt(amount.minor);
  return (
    <>
      {short && (
        <span data-testid="below-minimum-amount" data-missing={minus(minimumAmount, amount).amount}>
          {t('ordering.problem.BelowMinimum.amount', {
            minimum: money(minimumAmount),
            amount: money(amount),
            missing: money(minus(minimumAmount, amount)),
          })}
        </span>
      )}
      {minimumQuantity > quantity && (
        <span data-testid="below-minimum-quantity" data-missing={minimumQuantity - quantity}>
          {short ? ' ' : ''}
          {t('ordering.problem.BelowMinimum.quantity', {
            minimum: minimumQuantity,
            quantity,
            missing: minimumQuantity - quantity,
          })}
        </span>
      )}
    </>
  );
}

function CreditText({
  limit,
  receivable,
  openOrders,
  required,
}: {
  limit: Money;
  receivable: Money;
  openOrders: Money;
  required: Money;
}) {
  const { t } = useTranslation();
  const available = minus(minus(limit, receivable), openOrders);
  return (
    <span data-testid="credit-figures" data-available={available.amount} data-required={required.amount}>
      {t('ordering.problem.CreditLimitExceeded.detail', {
        limit: money(limit),
        receivable: money(receivable),
        openOrders: money(openOrders),
        available: money(available),
        required: money(required),
      })}
    </span>
  );
}

function ShortStockText({ line }: { line: ShortLine }) {
  const { t } = useTranslation();
  const skuName = useSkuName();
  return (
    <span data-testid="short-stock" data-sku-id={line.sku?.id} data-available={line.available}>
      {t('ordering.problem.ShortStock.detail', {
        name: skuName(line.sku),
        requested: line.requested,
        available: line.available,
        unit: line.sku?.baseUnit ?? '',
      })}
    </span>
  );
}

function OutsideWindowText({ nextOpensAt }: { nextOpensAt: string }) {
  const { t } = useTranslation();
  const { dateTime } = useChinaTime();
  return (
    <span data-testid="next-opens-at" data-at={nextOpensAt}>
      {t('ordering.problem.OutsideOrderingWindow.detail', { time: dateTime(nextOpensAt) })}
    </span>
  );
}

/** One broken rule of a quote (or of a refused order), said with its figures. */
export function ProblemText({ problem }: { problem: RuleProblem }) {
  const { t } = useTranslation();
  const skuName = useSkuName();
  switch (problem.__typename) {
    case 'BelowMinimum':
      return <BelowMinimumText {...problem} />;
    case 'OutsideOrderingWindow':
      return <OutsideWindowText nextOpensAt={problem.nextOpensAt} />;
    case 'CreditLimitExceeded':
      return <CreditText {...problem} />;
    case 'ShortStock':
      return <ShortStockText line={problem} />;
    case 'NotOrderable':
      return (
        <span>
          {t('ordering.problem.NotOrderable.detail', {
            name: skuName(problem.sku),
            reason: t(`ordering.notOrderable.${problem.reason}`, { defaultValue: problem.reason }),
          })}
        </span>
      );
    case 'NoPrice':
    case 'UnknownUnit':
      return (
        <span>
          {t(`ordering.problem.${problem.__typename}.detail`, {
            name: skuName(problem.sku),
            unit: problem.unit,
          })}
        </span>
      );
    case 'CustomerInactive':
    case 'EmptyOrder':
      return <span>{t(`ordering.problem.${problem.__typename}.detail`)}</span>;
    default:
      return <span>{(problem as { message: string }).message}</span>;
  }
}

/** Problems have no id; one rule comes at most once per SKU. */
function problemKey(problem: RuleProblem): string {
  return `${problem.code}:${'sku' in problem ? problem.sku?.id : ''}`;
}

const BOX = 'rounded-xl bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200';

/** Every rule the quote breaks, each with its title and figures. */
export function ProblemList({ problems, testId }: { problems: RuleProblem[]; testId: string }) {
  const title = useProblemTitle();
  if (problems.length === 0) return null;
  return (
    <ul data-testid={testId} className="space-y-2">
      {problems.map((problem) => (
        <li
          key={problemKey(problem)}
          data-testid="quote-problem"
          data-kind={problem.__typename}
          data-code={problem.code}
          className={BOX}
        >
          <p className="font-medium">{title(problem)}</p>
          <p className="mt-0.5 text-amber-800">
            <ProblemText problem={problem} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Why placeOrder refused the cart, with its figures (PriceChanged is shown by the cart page). */
export function RefusalText({ refusal }: { refusal: PlaceOrderRefusal }) {
  const { t } = useTranslation();
  switch (refusal.__typename) {
    case 'BelowMinimum':
      return <BelowMinimumText {...refusal} />;
    case 'OutsideOrderingWindow':
      return <OutsideWindowText nextOpensAt={refusal.nextOpensAt} />;
    case 'CreditLimitExceeded':
      return <CreditText {...refusal} />;
    case 'OutOfStock':
      return (
        <ul className="space-y-1">
          {refusal.lines.map((line) => (
            <li key={line.sku?.id}>
              <ShortStockText line={line} />
            </li>
          ))}
        </ul>
      );
    case 'PriceChanged':
      return (
        <span>
          {t('ordering.refusal.PriceChanged.detail', {
            expected: money(refusal.expectedTotal),
            total: money(refusal.total),
          })}
        </span>
      );
    case 'OrderNotPlaceable':
      return (
        <ul className="space-y-1">
          {refusal.problems.map((problem) => (
            <li key={problemKey(problem)} data-testid="refusal-problem" data-kind={problem.__typename}>
              <ProblemText problem={problem} />
            </li>
          ))}
        </ul>
      );
    default:
      return <span>{(refusal as { message: string }).message}</span>;
  }
}
