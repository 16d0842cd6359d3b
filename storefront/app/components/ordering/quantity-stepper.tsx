import { useTranslation } from 'react-i18next';

/** − [n] + for a whole quantity >= min; the input keeps what is typed, the form sends it. */
export function QuantityStepper({
  name,
  value,
  onChange,
  unit,
  label,
  testId,
  min = 1,
  disabled = false,
  onCommit,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  unit?: string;
  label: string;
  testId: string;
  min?: number;
  disabled?: boolean;
  /** Called with the new quantity when a button is pressed or the field is left. */
  onCommit?: (value: number) => void;
}) {
  const { t } = useTranslation();
  const current = /^\d+$/.test(value) ? Number.parseInt(value, 10) : min;
  const step = (delta: number) => {
    const next = Math.max(min, current + delta);
    onChange(String(next));
    onCommit?.(next);
  };
  const button =
    'flex size-9 items-center justify-center text-lg text-slate-600 disabled:text-slate-300 active:bg-slate-100';
  return (
    <div className="flex items-center gap-1.5">
      <div className="flex items-center overflow-hidden rounded-lg ring-1 ring-slate-300">
        <button
          type="button"
          aria-label={t('ordering.stepper.less')}
          data-testid={`${testId}-less`}
          disabled={disabled || current <= min}
          onClick={() => step(-1)}
          className={button}
        >
          −
        </button>
        <input
          name={name}
          value={value}
          inputMode="numeric"
          aria-label={label}
          data-testid={testId}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => {
            if (/^\d+$/.test(value)) onCommit?.(Number.parseInt(value, 10));
          }}
          className="h-9 w-12 border-x border-slate-200 text-center text-sm tabular-nums outline-none"
        />
        <button
          type="button"
          aria-label={t('ordering.stepper.more')}
          data-testid={`${testId}-more`}
          disabled={disabled}
          onClick={() => step(1)}
          className={button}
        >
          +
        </button>
      </div>
      {unit && <span className="text-sm text-slate-500">{unit}</span>}
    </div>
  );
}
