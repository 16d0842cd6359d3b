import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, useNavigation } from 'react-router';
import { mutate } from '../../components/orders/mutate.server';
import { Card, inputClass, Notice, PageFrame, primaryButton } from '../../components/orders/ui';
import {
  formatAmount,
  type InputProblem,
  isDecimal,
  ORDER_SETTINGS_QUERY,
  type OrderSettingsData,
  type OrderSettingsValues,
  UPDATE_ORDER_SETTINGS_MUTATION,
  type UpdateOrderSettingsData,
} from '../../lib/orders-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/settings';

/** Who may change the rules (the API's updateOrderSettings allows these). */
const MANAGERS = ['BOSS', 'OFFICE'];

/** The form's fields, as typed. */
export interface SettingsForm {
  reviewSteps: string;
  autoApproveBelow: string;
  alwaysOpen: boolean;
  windowStart: string;
  windowEnd: string;
  minimumAmount: string;
  minimumQuantity: string;
}

function formOf(s: OrderSettingsValues): SettingsForm {
  return {
    reviewSteps: String(s.reviewSteps),
    autoApproveBelow: s.autoApproveBelow?.amount ?? '',
    alwaysOpen: s.windowStart == null && s.windowEnd == null,
    windowStart: s.windowStart ?? '',
    windowEnd: s.windowEnd ?? '',
    minimumAmount: s.minimumAmount.amount,
    minimumQuantity: String(s.minimumQuantity),
  };
}

export async function loader({ request }: Route.LoaderArgs) {
  const { viewer } = await session.requireAuth(request);
  const result = await loadWithAuth<OrderSettingsData>(session, request, ORDER_SETTINGS_QUERY, {});
  return {
    settings: result.data.orderSettings,
    mayEdit: viewer.roles.some((r) => MANAGERS.includes(r)),
  };
}

export interface SettingsActionResult {
  ok: boolean;
  /** What was typed, shown again after a refusal. */
  values: SettingsForm;
  problems: InputProblem[];
  message?: string;
}

export async function action({ request }: Route.ActionArgs): Promise<SettingsActionResult> {
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const values: SettingsForm = {
    reviewSteps: text('reviewSteps'),
    autoApproveBelow: text('autoApproveBelow'),
    alwaysOpen: form.get('alwaysOpen') === 'on',
    windowStart: text('windowStart'),
    windowEnd: text('windowEnd'),
    minimumAmount: text('minimumAmount'),
    minimumQuantity: text('minimumQuantity'),
  };
  // Only what the API could not read is checked here; the rest is the API's to judge.
  const problems: InputProblem[] = [];
  if (values.autoApproveBelow && !isDecimal(values.autoApproveBelow))
    problems.push({ field: 'autoApproveBelow', messageKey: 'notDecimal' });
  if (!isDecimal(values.minimumAmount))
    problems.push({ field: 'minimumAmount', messageKey: values.minimumAmount ? 'notDecimal' : 'required' });
  if (!/^\d+$/.test(values.minimumQuantity))
    problems.push({
      field: 'minimumQuantity',
      messageKey: values.minimumQuantity ? 'wholeNumber' : 'required',
    });
  if (problems.length > 0) return { ok: false, values, problems };

  const data = await mutate<UpdateOrderSettingsData>(request, UPDATE_ORDER_SETTINGS_MUTATION, {
    input: {
      reviewSteps: Number(values.reviewSteps),
      autoApproveBelow: values.autoApproveBelow || null,
      windowStart: values.alwaysOpen ? null : values.windowStart || null,
      windowEnd: values.alwaysOpen ? null : values.windowEnd || null,
      minimumAmount: values.minimumAmount,
      minimumQuantity: Number(values.minimumQuantity),
    },
  });
  const answer = data?.updateOrderSettings;
  if (!answer) return { ok: false, values, problems: [{ field: '', messageKey: 'failed' }] };
  if (answer.__typename === 'ValidationError')
    return { ok: false, values, problems: answer.problems, message: answer.message };
  return { ok: true, values: formOf(answer.data), problems: [] };
}

/** The problems of one field: the API's message, or one of ours under orders.settings.problems. */
function Problems({ problems, field }: { problems: readonly InputProblem[]; field: string }) {
  const { t } = useTranslation();
  return (
    <>
      {problems
        .filter((p) => p.field === field)
        .map((p) => (
          <p
            key={`${p.field}:${p.message ?? p.messageKey}`}
            role="alert"
            data-testid="field-error"
            data-field={field}
            className="mt-1 text-xs text-red-600"
          >
            {p.messageKey ? t(`orders.settings.problems.${p.messageKey}`) : p.message}
          </p>
        ))}
    </>
  );
}

const FIELDS = [
  'reviewSteps',
  'autoApproveBelow',
  'windowStart',
  'windowEnd',
  'minimumAmount',
  'minimumQuantity',
];

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { settings, mayEdit } = loaderData;
  const navigation = useNavigation();
  const saving = navigation.state === 'submitting';
  const refused = actionData && !actionData.ok ? actionData : null;
  const values = refused?.values ?? formOf(settings);
  const problems = refused?.problems ?? [];
  const [alwaysOpen, setAlwaysOpen] = useState(values.alwaysOpen);
  const invalid = (field: string) => problems.some((p) => p.field === field) || undefined;
  const other = problems.filter((p) => !FIELDS.includes(p.field));

  return (
    <PageFrame
      title={t('orders.settings.title')}
      subtitle={t('orders.settings.subtitle')}
      actions={
        <Link to="/orders" className="text-sm text-indigo-600">
          {t('orders.settings.back')}
        </Link>
      }
    >
      {actionData?.ok && <Notice testId="settings-saved">{t('orders.settings.saved')}</Notice>}
      {(refused?.message || other.length > 0) && (
        <div
          role="alert"
          data-testid="form-error"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          {refused?.message && <p>{refused.message}</p>}
          {other.map((p) => (
            <p key={`${p.field}:${p.message ?? p.messageKey}`} className="text-xs">
              {p.messageKey ? t(`orders.settings.problems.${p.messageKey}`) : p.message}
            </p>
          ))}
        </div>
      )}
      {/* Remounted with the saved values after a save, kept as typed after a refusal. */}
      <Form method="post" key={JSON.stringify(refused ? 'typed' : settings)} data-testid="settings-form">
        <input type="hidden" name="intent" value="save" />
        <fieldset disabled={!mayEdit} className="space-y-5">
          <Card title={t('orders.settings.review')}>
            <div className="flex flex-wrap gap-4 text-sm">
              {['1', '2'].map((steps) => (
                <label key={steps} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="reviewSteps"
                    value={steps}
                    defaultChecked={values.reviewSteps === steps}
                    data-testid={`settings-review-steps-${steps}`}
                  />
                  {t(`orders.settings.steps${steps}`)}
                </label>
              ))}
            </div>
            <Problems problems={problems} field="reviewSteps" />
            <label className="mt-4 block max-w-xs text-sm">
              <span className="text-slate-700">{t('orders.settings.autoApproveBelow')}</span>
              <input
                name="autoApproveBelow"
                inputMode="decimal"
                defaultValue={values.autoApproveBelow}
                placeholder={t('orders.settings.autoApproveNever')}
                aria-invalid={invalid('autoApproveBelow')}
                data-testid="settings-auto-approve-below"
                className={`${inputClass} mt-1`}
              />
              <span className="mt-1 block text-xs text-slate-500">
                {t('orders.settings.autoApproveHint')}
              </span>
            </label>
            <Problems problems={problems} field="autoApproveBelow" />
          </Card>

          <Card title={t('orders.settings.window')}>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="alwaysOpen"
                checked={alwaysOpen}
                onChange={(e) => setAlwaysOpen(e.target.checked)}
                data-testid="settings-always-open"
              />
              {t('orders.settings.alwaysOpen')}
            </label>
            <div className="mt-3 flex flex-wrap gap-4">
              {(['windowStart', 'windowEnd'] as const).map((field) => (
                <div key={field} className="w-40 text-sm">
                  <label>
                    <span className="text-slate-700">{t(`orders.settings.${field}`)}</span>
                    <input
                      name={field}
                      defaultValue={values[field]}
                      placeholder="HH:MM"
                      disabled={alwaysOpen}
                      aria-invalid={invalid(field)}
                      data-testid={`settings-${field === 'windowStart' ? 'window-start' : 'window-end'}`}
                      className={`${inputClass} mt-1 tabular-nums disabled:bg-slate-100`}
                    />
                  </label>
                  <Problems problems={problems} field={field} />
                </div>
              ))}
            </div>
            <p className="mt-2 text-xs text-slate-500">
              {t('orders.settings.windowHint', { timeZone: settings.timeZone })}
            </p>
          </Card>

          <Card title={t('orders.settings.minimums')}>
            <div className="flex flex-wrap gap-4">
              <div className="w-48 text-sm">
                <label>
                  <span className="text-slate-700">{t('orders.settings.minimumAmount')}</span>
                  <input
                    name="minimumAmount"
                    inputMode="decimal"
                    defaultValue={values.minimumAmount}
                    aria-invalid={invalid('minimumAmount')}
                    data-testid="settings-minimum-amount"
                    className={`${inputClass} mt-1 tabular-nums`}
                  />
                </label>
                <Problems problems={problems} field="minimumAmount" />
              </div>
              <div className="w-48 text-sm">
                <label>
                  <span className="text-slate-700">{t('orders.settings.minimumQuantity')}</span>
                  <input
                    name="minimumQuantity"
                    inputMode="numeric"
                    defaultValue={values.minimumQuantity}
                    aria-invalid={invalid('minimumQuantity')}
                    data-testid="settings-minimum-quantity"
                    className={`${inputClass} mt-1 tabular-nums`}
                  />
                </label>
                <Problems problems={problems} field="minimumQuantity" />
              </div>
            </div>
          </Card>
        </fieldset>
        {mayEdit ? (
          <div className="mt-5">
            <button type="submit" disabled={saving} data-testid="settings-save" className={primaryButton}>
              {saving ? t('orders.settings.saving') : t('orders.settings.save')}
            </button>
          </div>
        ) : (
          <p className="mt-5 text-sm text-slate-500" data-testid="settings-read-only">
            {t('orders.settings.readOnly')}
          </p>
        )}
      </Form>

      <Card title={t('orders.settings.routeWindows')} testId="settings-route-windows">
        {settings.routeWindows.length === 0 ? (
          <p className="text-sm text-slate-400">{t('orders.settings.noRouteWindows')}</p>
        ) : (
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="py-2 pr-3 font-medium">{t('orders.settings.route')}</th>
                <th className="py-2 pr-3 font-medium">{t('orders.settings.windowStart')}</th>
                <th className="py-2 pr-3 font-medium">{t('orders.settings.windowEnd')}</th>
              </tr>
            </thead>
            <tbody>
              {settings.routeWindows.map((w) => (
                <tr key={w.routeId} data-testid="settings-route-window" className="border-t border-slate-100">
                  <td className="py-2 pr-3 font-mono text-xs">{w.routeId}</td>
                  <td className="py-2 pr-3 tabular-nums">{w.windowStart}</td>
                  <td className="py-2 pr-3 tabular-nums">{w.windowEnd}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>

      <Card title={t('orders.settings.levelMinimums')} testId="settings-level-minimums">
        {settings.levelMinimums.length === 0 ? (
          <p className="text-sm text-slate-400">{t('orders.settings.noLevelMinimums')}</p>
        ) : (
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="py-2 pr-3 font-medium">{t('orders.settings.level')}</th>
                <th className="py-2 pr-3 text-right font-medium">{t('orders.settings.minimumAmount')}</th>
                <th className="py-2 pr-3 text-right font-medium">{t('orders.settings.minimumQuantity')}</th>
              </tr>
            </thead>
            <tbody>
              {settings.levelMinimums.map((m) => (
                <tr
                  key={m.levelId}
                  data-testid="settings-level-minimum"
                  className="border-t border-slate-100"
                >
                  <td className="py-2 pr-3 font-mono text-xs">{m.levelId}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatAmount(m.minimumAmount)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{m.minimumQuantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </PageFrame>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
