import { ErrorView } from '@wholesail/web/components/error-view';
import { loadWithAuth } from '@wholesail/web/gateway.server';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, useNavigation } from 'react-router';
import {
  Card,
  dangerButton,
  FieldError,
  FormProblems,
  inputClass,
  Notice,
  PageFrame,
  primaryButton,
  secondaryButton,
} from '../../components/pricing/ui';
import {
  HOME_LAYOUT_QUERY,
  type HomeLayout,
  type HomeLayoutData,
  type HomeLink,
  type HomeLinkKind,
  type HomeZoneDisplay,
  type HomeZoneKind,
  type InputProblem,
  isoToShanghaiLocal,
  shanghaiLocalToIso,
  UPDATE_HOME_LAYOUT_MUTATION,
  type UpdateHomeLayoutResult,
} from '../../lib/pricing-queries';
import { session } from '../../lib/session.server';
import type { Route } from './+types/home-layout';

const LINK_KINDS: HomeLinkKind[] = ['PRODUCT', 'CATEGORY', 'BRAND', 'URL'];
const DISPLAYS: HomeZoneDisplay[] = ['GRID', 'LIST', 'CAROUSEL'];

/** The editor's working copy: what the inputs hold, as text. */
interface LinkDraft {
  linkKind: HomeLinkKind | '';
  targetId: string;
  url: string;
}
interface LayoutDraft {
  banners: ({ imageUrl: string; title: string } & LinkDraft)[];
  navButtons: ({ label: string; labelEn: string; icon: string } & LinkDraft)[];
  notice: { enabled: boolean; text: string; startsAt: string; endsAt: string };
  zones: {
    kind: HomeZoneKind;
    title: string;
    titleEn: string;
    enabled: boolean;
    display: HomeZoneDisplay;
    limit: string;
    productIds: string;
  }[];
}

function linkDraft(link: HomeLink | null): LinkDraft {
  return { linkKind: link?.kind ?? '', targetId: link?.targetId ?? '', url: link?.url ?? '' };
}

function toDraft(layout: HomeLayout): LayoutDraft {
  return {
    banners: layout.banners.map((b) => ({ imageUrl: b.imageUrl, title: b.title, ...linkDraft(b.link) })),
    navButtons: layout.navButtons.map((n) => ({
      label: n.label,
      labelEn: n.labelEn,
      icon: n.icon,
      ...linkDraft(n.link),
    })),
    notice: {
      enabled: layout.notice !== null,
      text: layout.notice?.text ?? '',
      startsAt: isoToShanghaiLocal(layout.notice?.startsAt),
      endsAt: isoToShanghaiLocal(layout.notice?.endsAt),
    },
    zones: layout.zones.map((z) => ({
      kind: z.kind,
      title: z.title,
      titleEn: z.titleEn,
      enabled: z.enabled,
      display: z.display,
      limit: String(z.limit),
      productIds: z.pinnedProductIds.join(', '),
    })),
  };
}

function linkInput(d: LinkDraft) {
  if (!d.linkKind) return null;
  return d.linkKind === 'URL'
    ? { kind: 'URL', url: d.url.trim() }
    : { kind: d.linkKind, targetId: d.targetId.trim() };
}

/** The draft as UpdateHomeLayoutInput, with the problems we can tell before asking (numbers, dates). */
function toInput(draft: LayoutDraft, problems: InputProblem[]) {
  const date = (value: string, field: string) => {
    if (!value.trim()) return null;
    const iso = shanghaiLocalToIso(value);
    if (!iso) problems.push({ field, messageKey: 'notDate' });
    return iso;
  };
  return {
    banners: draft.banners.map((b) => ({ imageUrl: b.imageUrl.trim(), title: b.title, link: linkInput(b) })),
    navButtons: draft.navButtons.map((n) => ({
      label: n.label,
      labelEn: n.labelEn,
      icon: n.icon.trim(),
      link: linkInput(n),
    })),
    notice: draft.notice.enabled
      ? {
          text: draft.notice.text,
          startsAt: date(draft.notice.startsAt, 'notice.startsAt'),
          endsAt: date(draft.notice.endsAt, 'notice.endsAt'),
        }
      : null,
    zones: draft.zones.map((z, i) => {
      const limit = z.limit.trim();
      if (!/^\d+$/.test(limit)) problems.push({ field: `zones.${i}.limit`, messageKey: 'notInteger' });
      return {
        kind: z.kind,
        title: z.title,
        titleEn: z.titleEn,
        enabled: z.enabled,
        display: z.display,
        limit: Number.parseInt(limit, 10) || 0,
        productIds: z.productIds
          .split(/[\s,，]+/)
          .map((id) => id.trim())
          .filter(Boolean),
      };
    }),
  };
}

export async function loader({ request }: Route.LoaderArgs) {
  const { data } = await loadWithAuth<HomeLayoutData>(session, request, HOME_LAYOUT_QUERY);
  return { layout: data.homeLayout };
}

export interface HomeLayoutActionResult {
  ok: boolean;
  problems: InputProblem[];
  message?: string;
}

export async function action({ request }: Route.ActionArgs): Promise<HomeLayoutActionResult> {
  const form = await request.formData();
  let draft: LayoutDraft;
  try {
    draft = JSON.parse(String(form.get('layout') ?? '')) as LayoutDraft;
  } catch {
    return { ok: false, problems: [{ field: 'layout', messageKey: 'notJson' }] };
  }
  const problems: InputProblem[] = [];
  const input = toInput(draft, problems);
  if (problems.length > 0) return { ok: false, problems };
  const { data } = await loadWithAuth<{ updateHomeLayout: UpdateHomeLayoutResult }>(
    session,
    request,
    UPDATE_HOME_LAYOUT_MUTATION,
    { input },
  );
  const answer = data.updateHomeLayout;
  if (answer.__typename === 'ValidationError')
    return { ok: false, problems: answer.problems, message: answer.message };
  return { ok: true, problems: [] };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children
    <label className="block text-xs text-slate-500">
      {label}
      <div className="mt-0.5">{children}</div>
    </label>
  );
}

function LinkEditor({
  value,
  onChange,
  field,
  problems,
  testId,
}: {
  value: LinkDraft;
  onChange: (patch: Partial<LinkDraft>) => void;
  field: string;
  problems?: InputProblem[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-2 sm:grid-cols-[9rem_minmax(0,1fr)]">
      <Field label={t('pricing.home.linkKind')}>
        <select
          value={value.linkKind}
          onChange={(e) => onChange({ linkKind: e.target.value as LinkDraft['linkKind'] })}
          data-testid={`${testId}-link-kind`}
          className={inputClass}
        >
          <option value="">{t('pricing.home.noLink')}</option>
          {LINK_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`pricing.home.linkKinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {value.linkKind === 'URL' && (
        <Field label={t('pricing.home.url')}>
          <input
            value={value.url}
            onChange={(e) => onChange({ url: e.target.value })}
            placeholder="/promotions"
            className={inputClass}
          />
          <FieldError problems={problems} field={`${field}.url`} />
        </Field>
      )}
      {value.linkKind && value.linkKind !== 'URL' && (
        <Field label={t('pricing.home.targetId')}>
          <input
            value={value.targetId}
            onChange={(e) => onChange({ targetId: e.target.value })}
            placeholder={
              value.linkKind === 'PRODUCT' ? 'prd_00001' : value.linkKind === 'BRAND' ? 'brd_…' : 'cat_…'
            }
            className={inputClass}
          />
          <FieldError problems={problems} field={`${field}.targetId`} />
        </Field>
      )}
    </div>
  );
}

/** Up, down and remove for a row of a list. */
function RowTools({
  index,
  count,
  move,
  remove,
}: {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex gap-1">
      <button
        type="button"
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
        className={secondaryButton}
        aria-label={t('pricing.home.up')}
      >
        ↑
      </button>
      <button
        type="button"
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
        className={secondaryButton}
        aria-label={t('pricing.home.down')}
      >
        ↓
      </button>
      {remove && (
        <button type="button" onClick={remove} className={dangerButton}>
          {t('pricing.remove')}
        </button>
      )}
    </div>
  );
}

function moved<T>(list: T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

export default function HomeLayoutEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [draft, setDraft] = useState<LayoutDraft>(() => toDraft(loaderData.layout));
  const saving = navigation.state === 'submitting';
  const problems = actionData?.ok ? undefined : actionData?.problems;
  const setBanner = (i: number, patch: Partial<LayoutDraft['banners'][number]>) =>
    setDraft((d) => ({ ...d, banners: d.banners.map((b, k) => (k === i ? { ...b, ...patch } : b)) }));
  const setNav = (i: number, patch: Partial<LayoutDraft['navButtons'][number]>) =>
    setDraft((d) => ({ ...d, navButtons: d.navButtons.map((b, k) => (k === i ? { ...b, ...patch } : b)) }));
  const setZone = (i: number, patch: Partial<LayoutDraft['zones'][number]>) =>
    setDraft((d) => ({ ...d, zones: d.zones.map((z, k) => (k === i ? { ...z, ...patch } : z)) }));
  const setNotice = (patch: Partial<LayoutDraft['notice']>) =>
    setDraft((d) => ({ ...d, notice: { ...d.notice, ...patch } }));

  const shownFields = [
    ...draft.banners.map((_, i) => `banners.${i}`),
    ...draft.navButtons.map((_, i) => `navButtons.${i}`),
    'notice',
    ...draft.zones.map((_, i) => `zones.${i}`),
  ];

  return (
    <PageFrame title={t('pricing.home.title')} subtitle={t('pricing.home.subtitle')}>
      <Form method="post" className="space-y-6" data-testid="home-layout-form">
        <input type="hidden" name="layout" value={JSON.stringify(draft)} />

        <Card title={t('pricing.home.notice')} testId="notice-editor">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.notice.enabled}
              onChange={(e) => setNotice({ enabled: e.target.checked })}
              data-testid="notice-enabled"
            />
            {t('pricing.home.showNotice')}
          </label>
          {draft.notice.enabled && (
            <div className="mt-3 grid gap-3 md:grid-cols-[minmax(0,1fr)_12rem_12rem]">
              <Field label={t('pricing.home.noticeText')}>
                <input
                  value={draft.notice.text}
                  onChange={(e) => setNotice({ text: e.target.value })}
                  data-testid="notice-text"
                  aria-invalid={problems?.some((p) => p.field === 'notice.text') || undefined}
                  className={inputClass}
                />
                <FieldError problems={problems} field="notice.text" />
              </Field>
              <Field label={t('pricing.home.startsAt')}>
                <input
                  type="datetime-local"
                  value={draft.notice.startsAt}
                  onChange={(e) => setNotice({ startsAt: e.target.value })}
                  data-testid="notice-starts"
                  className={inputClass}
                />
                <FieldError problems={problems} field="notice.startsAt" />
              </Field>
              <Field label={t('pricing.home.endsAt')}>
                <input
                  type="datetime-local"
                  value={draft.notice.endsAt}
                  onChange={(e) => setNotice({ endsAt: e.target.value })}
                  data-testid="notice-ends"
                  className={inputClass}
                />
                <FieldError problems={problems} field="notice.endsAt" />
              </Field>
              <p className="text-xs text-slate-400 md:col-span-3">{t('pricing.home.timeZone')}</p>
            </div>
          )}
        </Card>

        <Card title={t('pricing.home.banners')} testId="banners-editor">
          <div className="space-y-4">
            {draft.banners.map((banner, i) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; moving re-keys on purpose
                key={i}
                data-testid="banner-row"
                className="space-y-2 rounded-lg border border-slate-200 p-3"
              >
                <div className="flex items-start gap-3">
                  <div className="grid flex-1 gap-2 sm:grid-cols-2">
                    <Field label={t('pricing.home.imageUrl')}>
                      <input
                        value={banner.imageUrl}
                        onChange={(e) => setBanner(i, { imageUrl: e.target.value })}
                        data-testid="banner-image"
                        className={inputClass}
                      />
                      <FieldError problems={problems} field={`banners.${i}.imageUrl`} />
                    </Field>
                    <Field label={t('pricing.home.bannerTitle')}>
                      <input
                        value={banner.title}
                        onChange={(e) => setBanner(i, { title: e.target.value })}
                        data-testid="banner-title"
                        className={inputClass}
                      />
                      <FieldError problems={problems} field={`banners.${i}.title`} />
                    </Field>
                  </div>
                  <RowTools
                    index={i}
                    count={draft.banners.length}
                    move={(from, to) => setDraft((d) => ({ ...d, banners: moved(d.banners, from, to) }))}
                    remove={() => setDraft((d) => ({ ...d, banners: d.banners.filter((_, k) => k !== i) }))}
                  />
                </div>
                <LinkEditor
                  value={banner}
                  onChange={(patch) => setBanner(i, patch)}
                  field={`banners.${i}.link`}
                  problems={problems}
                  testId="banner"
                />
              </div>
            ))}
            <FieldError problems={problems} field="banners" />
            <button
              type="button"
              data-testid="add-banner"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  banners: [...d.banners, { imageUrl: '', title: '', linkKind: '', targetId: '', url: '' }],
                }))
              }
              className={secondaryButton}
            >
              {t('pricing.home.addBanner')}
            </button>
          </div>
        </Card>

        <Card title={t('pricing.home.zones')} testId="zones-editor">
          <p className="-mt-1 mb-3 text-xs text-slate-500">{t('pricing.home.zonesHint')}</p>
          <div className="space-y-3">
            {draft.zones.map((zone, i) => (
              <div
                key={zone.kind}
                data-testid="zone-row"
                data-kind={zone.kind}
                className="rounded-lg border border-slate-200 p-3"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="text-sm font-medium text-slate-800">
                    {t(`pricing.home.zoneKinds.${zone.kind}`)}
                    <span className="ml-2 font-mono text-xs text-slate-400">{zone.kind}</span>
                  </p>
                  <div className="flex items-center gap-3">
                    <label className="flex items-center gap-1.5 text-sm">
                      <input
                        type="checkbox"
                        checked={zone.enabled}
                        onChange={(e) => setZone(i, { enabled: e.target.checked })}
                        data-testid="zone-enabled"
                      />
                      {t('pricing.home.enabled')}
                    </label>
                    <RowTools
                      index={i}
                      count={draft.zones.length}
                      move={(from, to) => setDraft((d) => ({ ...d, zones: moved(d.zones, from, to) }))}
                    />
                  </div>
                </div>
                <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
                  <Field label={t('pricing.home.zoneTitle')}>
                    <input
                      value={zone.title}
                      onChange={(e) => setZone(i, { title: e.target.value })}
                      data-testid="zone-title"
                      className={inputClass}
                    />
                    <FieldError problems={problems} field={`zones.${i}.title`} />
                  </Field>
                  <Field label={t('pricing.home.zoneTitleEn')}>
                    <input
                      value={zone.titleEn}
                      onChange={(e) => setZone(i, { titleEn: e.target.value })}
                      className={inputClass}
                    />
                    <FieldError problems={problems} field={`zones.${i}.titleEn`} />
                  </Field>
                  <Field label={t('pricing.home.display')}>
                    <select
                      value={zone.display}
                      onChange={(e) => setZone(i, { display: e.target.value as HomeZoneDisplay })}
                      data-testid="zone-display"
                      className={inputClass}
                    >
                      {DISPLAYS.map((d) => (
                        <option key={d} value={d}>
                          {t(`pricing.home.displays.${d}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={t('pricing.home.limit')}>
                    <input
                      value={zone.limit}
                      inputMode="numeric"
                      onChange={(e) => setZone(i, { limit: e.target.value })}
                      data-testid="zone-limit"
                      aria-invalid={problems?.some((p) => p.field === `zones.${i}.limit`) || undefined}
                      className={inputClass}
                    />
                    <FieldError problems={problems} field={`zones.${i}.limit`} />
                  </Field>
                </div>
                <div className="mt-2">
                  <Field label={t('pricing.home.pinned')}>
                    <input
                      value={zone.productIds}
                      onChange={(e) => setZone(i, { productIds: e.target.value })}
                      data-testid="zone-products"
                      placeholder="prd_00001, prd_00002"
                      className={`${inputClass} font-mono text-xs`}
                    />
                    <FieldError problems={problems} field={`zones.${i}.productIds`} below />
                  </Field>
                </div>
                <FieldError problems={problems} field={`zones.${i}.kind`} />
              </div>
            ))}
          </div>
        </Card>

        <Card title={t('pricing.home.navButtons')} testId="nav-editor">
          <div className="space-y-4">
            {draft.navButtons.map((nav, i) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; moving re-keys on purpose
                key={i}
                data-testid="nav-row"
                className="space-y-2 rounded-lg border border-slate-200 p-3"
              >
                <div className="flex items-start gap-3">
                  <div className="grid flex-1 gap-2 sm:grid-cols-3">
                    <Field label={t('pricing.home.label')}>
                      <input
                        value={nav.label}
                        onChange={(e) => setNav(i, { label: e.target.value })}
                        data-testid="nav-label"
                        className={inputClass}
                      />
                      <FieldError problems={problems} field={`navButtons.${i}.label`} />
                    </Field>
                    <Field label={t('pricing.home.labelEn')}>
                      <input
                        value={nav.labelEn}
                        onChange={(e) => setNav(i, { labelEn: e.target.value })}
                        className={inputClass}
                      />
                      <FieldError problems={problems} field={`navButtons.${i}.labelEn`} />
                    </Field>
                    <Field label={t('pricing.home.icon')}>
                      <input
                        value={nav.icon}
                        onChange={(e) => setNav(i, { icon: e.target.value })}
                        className={inputClass}
                      />
                      <FieldError problems={problems} field={`navButtons.${i}.icon`} />
                    </Field>
                  </div>
                  <RowTools
                    index={i}
                    count={draft.navButtons.length}
                    move={(from, to) =>
                      setDraft((d) => ({ ...d, navButtons: moved(d.navButtons, from, to) }))
                    }
                    remove={() =>
                      setDraft((d) => ({ ...d, navButtons: d.navButtons.filter((_, k) => k !== i) }))
                    }
                  />
                </div>
                <LinkEditor
                  value={nav}
                  onChange={(patch) => setNav(i, patch)}
                  field={`navButtons.${i}.link`}
                  problems={problems}
                  testId="nav"
                />
              </div>
            ))}
            <FieldError problems={problems} field="navButtons" />
            <button
              type="button"
              data-testid="add-nav"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  navButtons: [
                    ...d.navButtons,
                    { label: '', labelEn: '', icon: '', linkKind: '', targetId: '', url: '' },
                  ],
                }))
              }
              className={secondaryButton}
            >
              {t('pricing.home.addNav')}
            </button>
          </div>
        </Card>

        <div className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-slate-200 bg-slate-100/95 px-4 py-3 backdrop-blur lg:-mx-8 lg:px-8">
          {actionData && !actionData.ok && (
            <div data-testid="layout-error" className="space-y-1">
              <Notice tone="warn">{t('pricing.home.refused', { count: actionData.problems.length })}</Notice>
              <FormProblems problems={actionData.problems} shown={shownFields} />
            </div>
          )}
          {actionData?.ok && navigation.state === 'idle' && (
            <Notice testId="layout-saved">{t('pricing.home.saved')}</Notice>
          )}
          <div className="flex gap-2">
            <button type="submit" disabled={saving} data-testid="layout-save" className={primaryButton}>
              {saving ? t('pricing.home.saving') : t('pricing.home.save')}
            </button>
            <button
              type="button"
              onClick={() => setDraft(toDraft(loaderData.layout))}
              data-testid="layout-reset"
              className={secondaryButton}
            >
              {t('pricing.home.reset')}
            </button>
          </div>
        </div>
      </Form>
    </PageFrame>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorView error={error} inline />;
}
