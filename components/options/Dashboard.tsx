import { useMemo, useState } from 'react';
import type { MetricsFilters, MetricsView } from '@/lib/views/options';
import { siteSchema, type Site } from '@/lib/model';
import { SLA_TARGET_KINDS, slaTargetKinds } from '@/lib/sla/target-kinds';
import { useLocalisation } from '../i18n';
import { siteLabelKey } from '../site-label';
import { Chart, type ChartSeries } from './Chart';
import { chartTables, daySeconds, tableCsv } from './dashboard-data';
import { formatDuration } from '../time-left';

export interface DashboardFilterForm {
  site: Site | '';
  /** '' for every agent; '\u0000' for conversations nobody owns. */
  owner: string;
  from: string;
  to: string;
}

export const UNASSIGNED = '\u0000';

/** Local calendar days to the [from, to) instants the metrics count in, in the browser's zone. */
export function filtersOf(form: DashboardFilterForm, timeZone: string): MetricsFilters {
  const midnight = (day: string) => new Date(`${day}T00:00:00`);
  const to = form.to ? midnight(form.to) : undefined;
  if (to) to.setDate(to.getDate() + 1);
  return {
    timeZone,
    ...(form.site ? { sites: [form.site] } : {}),
    ...(form.owner ? { ownerIds: [form.owner === UNASSIGNED ? null : form.owner] } : {}),
    ...(form.from ? { from: midnight(form.from).toISOString() } : {}),
    ...(to ? { to: to.toISOString() } : {}),
  };
}

const COLOURS = { median: '#0b6e4f', p90: '#c2410c', rate: '#1d4ed8', volume: '#7c3aed', backlog: '#b45309' };

/** Headline figures and charts of computeMetrics' answer, with filters and a CSV per chart. */
export function Dashboard({
  metrics,
  owners,
  busy,
  form,
  onApply,
  onDownload,
}: {
  metrics: MetricsView | null;
  owners: Array<string | null>;
  busy: boolean;
  form: DashboardFilterForm;
  onApply: (form: DashboardFilterForm) => void;
  onDownload: (fileName: string, csv: string) => void;
}) {
  const { t, n, language } = useLocalisation();
  const [draft, setDraft] = useState(form);
  const siteNames = useMemo(
    () => Object.fromEntries(siteSchema.options.map((site) => [site, t(siteLabelKey[site])])) as Record<Site, string>,
    [t],
  );
  const charts = useMemo(() => (metrics ? chartData(metrics, siteNames, t) : null), [metrics, siteNames, t]);
  const formatDay = useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    return (seconds: number) => format.format(new Date(seconds * 1000));
  }, [language]);
  const minutes = (value: number | null) => (value === null ? '—' : formatDuration(value * 60_000, language, { allowZero: true }));
  const share = (rate: number | null) =>
    rate === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(rate);

  function submit(event: { preventDefault: () => void }) {
    event.preventDefault();
    onApply(draft);
  }

  const download = (name: string) => {
    if (!metrics) return;
    const rows = chartTables(metrics, siteNames)[name];
    if (rows) onDownload(`replyline-${name}.csv`, tableCsv(rows));
  };

  return (
    <div className="dashboard" aria-busy={busy}>
      <form className="filters" onSubmit={submit} data-testid="dashboard-filters">
        <label>
          {t('dashboardSite')}
          <select value={draft.site} onChange={(event) => setDraft({ ...draft, site: siteSchema.safeParse(event.target.value).data ?? '' })}>
            <option value="">{t('dashboardAllSites')}</option>
            {siteSchema.options.map((site) => (
              <option key={site} value={site}>
                {siteNames[site]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboardAgent')}
          <select value={draft.owner} onChange={(event) => setDraft({ ...draft, owner: event.target.value })}>
            <option value="">{t('dashboardAllAgents')}</option>
            {owners.map((owner) => (
              <option key={owner ?? UNASSIGNED} value={owner ?? UNASSIGNED}>
                {owner ?? t('dashboardUnassigned')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboardFrom')}
          <input type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </label>
        <label>
          {t('dashboardTo')}
          <input type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('dashboardApply')}
        </button>
      </form>

      {metrics && charts && !hasData(metrics) && (
        <section className="empty-state" data-testid="dashboard-empty" aria-labelledby="dashboard-empty-title">
          <h3 id="dashboard-empty-title">{t('dashboardEmptyTitle')}</h3>
          <p>{t('dashboardEmptyHelp')}</p>
        </section>
      )}
      {metrics && charts && hasData(metrics) && (
        <>
          <dl className="headline" data-testid="headline">
            {headlineFigures.map(({ kind, stat, labelKey, testId }) => (
              <div key={labelKey}>
                <dt>{t(labelKey)}</dt>
                <dd data-testid={testId}>{minutes(metrics[kind][stat])}</dd>
              </div>
            ))}
            <div>
              <dt>{t('dashboardAttainment')}</dt>
              <dd data-testid="attainment" title={metrics.attainment.rate === null ? t('dashboardNoTargetsYet') : undefined}>
                {share(metrics.attainment.rate)}
                {metrics.attainment.rate === null ? <span className="muted hint-inline">{t('dashboardNoTargetsYet')}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{t('dashboardFcr')}</dt>
              <dd>{share(metrics.firstContactResolution.rate)}</dd>
            </div>
            <div>
              <dt>{t('dashboardBacklog')}</dt>
              <dd>
                {n('dashboardBacklogCount', metrics.backlog.total)}
                {metrics.backlog.total > 0 ? (
                  <span className="muted hint-inline">{t('dashboardOldest', minutes(metrics.backlog.oldestMinutes))}</span>
                ) : null}
              </dd>
            </div>
          </dl>
          {charts.map((chart) => (
            <figure key={chart.name} className="chart-figure">
              <figcaption>
                <span>{chart.title}</span>
                <button type="button" onClick={() => download(chart.name)} data-testid={`csv-${chart.name}`}>
                  {t('dashboardCsv', chart.title)}
                </button>
              </figcaption>
              {isEmptyChart(chart) ? (
                <p className="empty chart-empty" data-testid={`chart-${chart.name}-empty`}>
                  {t('dashboardChartEmpty')}
                </p>
              ) : (
              <Chart
                x={chart.x}
                xLabel={chart.xLabel}
                formatDay={formatDay}
                series={chart.series}
                categories={chart.categories}
                bars={chart.bars}
                yLabel={chart.yLabel}
                summary={chart.summary}
                testId={`chart-${chart.name}`}
              />
              )}
            </figure>
          ))}
        </>
      )}
    </div>
  );
}

/** Each kind's headline figures as its table entry lists them, kinds in their order. */
const headlineFigures = slaTargetKinds.flatMap((kind) =>
  SLA_TARGET_KINDS[kind].metric.headline.map((figure) => ({ kind, testId: undefined, ...figure })),
);

/** Kinds timed by the conversations' first replies: a first reply in the dates is something to count. */
const firstReplyKinds = slaTargetKinds.filter((kind) => SLA_TARGET_KINDS[kind].metric.measure === 'first-reply');

/** Whether the dates and filters hold anything at all to count. */
function hasData(metrics: MetricsView): boolean {
  return (
    metrics.backlog.total > 0 || metrics.volumeByDay.some((day) => day.count > 0) || firstReplyKinds.some((kind) => metrics[kind].count > 0)
  );
}

/** A chart with no figure to draw (every value missing or zero) is an empty state, not blank axes. */
function isEmptyChart(chart: ChartData): boolean {
  return chart.series.every((item) => item.values.every((value) => value === null || value === 0));
}

interface ChartData {
  name: string;
  xLabel: string;
  title: string;
  yLabel: string;
  summary: string;
  x: number[];
  series: ChartSeries[];
  categories?: string[];
  bars?: boolean;
}

function chartData(metrics: MetricsView, siteNames: Record<Site, string>, t: ReturnType<typeof useLocalisation>['t']): ChartData[] {
  const days = metrics.series.map((day) => daySeconds(day.day));
  const sites = siteSchema.options;
  const range = metrics.series.length > 0 ? `${metrics.series[0]?.day ?? ''} – ${metrics.series.at(-1)?.day ?? ''}` : '';
  return [
    {
      name: 'first-response',
      title: t('dashboardChartFrt'),
      xLabel: t('dashboardDay'),
      yLabel: t('dashboardMinutes'),
      summary: t('dashboardChartSummary', t('dashboardChartFrt'), range),
      x: days,
      series: [
        { label: t('dashboardMedian'), colour: COLOURS.median, values: metrics.series.map((day) => day.firstResponse.medianMinutes) },
        { label: t('dashboardP90'), colour: COLOURS.p90, values: metrics.series.map((day) => day.firstResponse.p90Minutes) },
      ],
    },
    {
      name: 'attainment',
      title: t('dashboardChartAttainment'),
      xLabel: t('dashboardDay'),
      yLabel: t('dashboardPercentMet'),
      summary: t('dashboardChartSummary', t('dashboardChartAttainment'), range),
      x: days,
      series: [
        {
          label: t('dashboardAttainment'),
          colour: COLOURS.rate,
          values: metrics.series.map((day) => (day.attainment.rate === null ? null : day.attainment.rate * 100)),
        },
      ],
    },
    {
      name: 'volume-by-day',
      title: t('dashboardChartVolumeDay'),
      xLabel: t('dashboardDay'),
      yLabel: t('dashboardConversations'),
      summary: t('dashboardChartSummary', t('dashboardChartVolumeDay'), range),
      x: metrics.volumeByDay.map((day) => daySeconds(day.day)),
      series: [{ label: t('dashboardConversations'), colour: COLOURS.volume, values: metrics.volumeByDay.map((day) => day.count) }],
      bars: true,
    },
    {
      name: 'volume-by-site',
      title: t('dashboardChartVolumeSite'),
      xLabel: t('dashboardSite'),
      yLabel: t('dashboardConversations'),
      summary: sites.map((site) => `${siteNames[site]}: ${String(metrics.volumeBySite[site])}`).join(', '),
      x: sites.map((_, index) => index),
      categories: sites.map((site) => siteNames[site]),
      series: [{ label: t('dashboardConversations'), colour: COLOURS.volume, values: sites.map((site) => metrics.volumeBySite[site]) }],
      bars: true,
    },
    {
      name: 'backlog',
      title: t('dashboardChartBacklog'),
      xLabel: t('dashboardStatus'),
      yLabel: t('dashboardConversations'),
      summary: `${t('status_open')}: ${String(metrics.backlog.open)}, ${t('status_waiting')}: ${String(metrics.backlog.waiting)}, ${t('status_snoozed')}: ${String(metrics.backlog.snoozed)}`,
      x: [0, 1, 2],
      categories: [t('status_open'), t('status_waiting'), t('status_snoozed')],
      series: [{ label: t('dashboardConversations'), colour: COLOURS.backlog, values: [metrics.backlog.open, metrics.backlog.waiting, metrics.backlog.snoozed] }],
      bars: true,
    },
  ];
}
