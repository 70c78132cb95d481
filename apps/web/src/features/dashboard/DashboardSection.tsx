import { useCallback, useMemo } from 'react';
import { Alert, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  DASHBOARD_ENFORCEMENT_FIGURES,
  DASHBOARD_TIP_FIGURES,
  DUTY_LABELS,
  DUTY_STATUS_LABELS,
  type DutyStatus,
  type EnterpriseDashboardView,
  type FigureKey,
  FIGURES,
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  HAZARD_STATUSES,
  SECTOR_LABELS,
  selfInspectionCoverage,
  type StaffDashboardView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { dashboardKeys, getDashboard } from '../../api/dashboard-api';
import { useLocale } from '../../i18n/locale-context';
import { Chart, type Segment } from './Chart';
import type { ChartOption } from './echarts';
import { hazardsHref, reportHref, selfInspectionHref } from './dashboard-links';
import '../../i18n/messages-dashboard';

// The home dashboard cards (issue 10 item 1), loaded lazily from the home page so ECharts
// stays out of the first page's bundle. What is shown follows the server's view: staff get the
// figures of their territory and sectors, an enterprise user its own hazards and duties.

const DUTY_STATUS_COLORS: Record<DutyStatus, string> = {
  done: 'success',
  partly: 'warning',
  missing: 'error',
};

/** The dashboard of the signed-in user; renders nothing when the role has none. */
export default function DashboardSection() {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: dashboardKeys.current,
    queryFn: ({ signal }) => getDashboard(signal),
    staleTime: 60_000,
  });
  if (query.isPending) return <Card loading aria-label={t('dashboard.title')} />;
  if (query.isError) {
    // Not found or forbidden: the role has no dashboard here; stay quiet like the other cards.
    const quiet =
      query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404);
    return quiet ? null : <Alert type="warning" showIcon title={t('dashboard.loadFailed')} />;
  }
  const view = query.data;
  if (view.kind === 'staff') return <StaffDashboard view={view} />;
  if (view.kind === 'enterprise') return <EnterpriseDashboard view={view} />;
  return null;
}

function StatLink({
  title,
  value,
  to,
  suffix,
}: {
  title: string;
  value: number | string;
  to: string;
  suffix?: string;
}) {
  return (
    <Link to={to} aria-label={`${title} ${value}${suffix ?? ''}`}>
      <Statistic title={title} value={value} suffix={suffix} />
    </Link>
  );
}

function StaffDashboard({ view }: { view: StaffDashboardView }) {
  const { t, label } = useLocale();
  const c = view.campaign;
  const figures = view.figures;
  const coverage = figures ? selfInspectionCoverage(figures) : null;
  const rate = figures?.major_hazard_rectification_rate.cumulative ?? null;
  const majorFound = c
    ? hazardsHref(view, { level: 'major', foundFrom: c.startDate, foundTo: c.weekTo })
    : null;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('dashboard.title')}>
        <Flex vertical gap={12}>
          {!c ? (
            <Typography.Text type="secondary">{t('dashboard.noCampaign')}</Typography.Text>
          ) : !figures ? (
            <Typography.Text type="secondary">{t('dashboard.notStarted')}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">
              {t('dashboard.period', { start: c.startDate, from: c.weekFrom, to: c.weekTo })}
            </Typography.Text>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8} xl={4}>
              <StatLink
                title={t('dashboard.alerts.overdue')}
                value={view.hazardAlerts.overdue}
                to={hazardsHref(view, { overdue: true })}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <StatLink
                title={t('dashboard.alerts.overdueMajor')}
                value={view.hazardAlerts.overdueMajor}
                to={hazardsHref(view, { overdue: true, level: 'major' })}
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <StatLink
                title={t('dashboard.alerts.supervised')}
                value={view.hazardAlerts.supervised}
                to={hazardsHref(view, { supervised: true })}
              />
            </Col>
            {majorFound ? (
              <Col xs={12} md={8} xl={4}>
                <StatLink
                  title={label(FIGURES.major_hazard_rectification_rate)}
                  value={rate ?? '—'}
                  suffix={rate === null ? undefined : '%'}
                  to={majorFound}
                />
              </Col>
            ) : null}
            {view.sections.selfInspection && coverage ? (
              <Col xs={12} md={8} xl={4}>
                <StatLink
                  title={t('dashboard.alerts.coverage')}
                  value={coverage.share ?? '—'}
                  suffix={coverage.share === null ? undefined : '%'}
                  to={`/self-inspections${c ? `?campaignId=${c.id}` : ''}`}
                />
              </Col>
            ) : null}
            {view.sections.enforcement && figures ? (
              <Col xs={12} md={8} xl={4}>
                <Statistic
                  title={`${label(FIGURES.penalty_fines)}（${FIGURES.penalty_fines.unit}）`}
                  value={figures.penalty_fines.cumulative ?? '—'}
                />
              </Col>
            ) : null}
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.clickHint')}
          </Typography.Text>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <HazardsBySectorCard view={view} />
        </Col>
        {c && view.rectification.length > 0 ? (
          <Col xs={24} xl={12}>
            <RectificationCard view={view} />
          </Col>
        ) : null}
        {view.sections.enforcement && view.figuresBySector.length > 0 ? (
          <Col xs={24} xl={12}>
            <FiguresBySectorCard
              view={view}
              keys={DASHBOARD_ENFORCEMENT_FIGURES}
              title={t('dashboard.enforcement')}
            />
          </Col>
        ) : null}
        {view.sections.tips && view.figuresBySector.length > 0 ? (
          <Col xs={24} xl={12}>
            <FiguresBySectorCard
              view={view}
              keys={DASHBOARD_TIP_FIGURES}
              title={t('dashboard.tips')}
            />
          </Col>
        ) : null}
        {view.sections.selfInspection && view.figuresBySector.length > 0 ? (
          <Col xs={24} xl={12}>
            <SelfInspectionCard view={view} />
          </Col>
        ) : null}
      </Row>
    </Flex>
  );
}

function HazardsBySectorCard({ view }: { view: StaffDashboardView }) {
  const { t, label } = useLocale();
  const title = t('dashboard.hazardsBySector');
  const option = useMemo<ChartOption>(() => {
    const count = (sector: string, status: string) =>
      view.hazardsBySector.find((r) => r.sector === sector && r.status === status)?.count ?? 0;
    return {
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: view.sectors.map((s) => label(SECTOR_LABELS[s])) },
      yAxis: { type: 'value', minInterval: 1 },
      series: HAZARD_STATUSES.map((status) => ({
        type: 'bar',
        stack: 'hazards',
        name: label(HAZARD_STATUS_LABELS[status]),
        data: view.sectors.map((s) => count(s, status)),
      })),
    };
  }, [view, label]);
  const linkOf = useCallback(
    ({ seriesIndex, dataIndex }: Segment) =>
      hazardsHref(view, { sector: view.sectors[dataIndex], status: HAZARD_STATUSES[seriesIndex] }),
    [view],
  );
  return (
    <Card size="small" title={title}>
      <Chart option={option} linkOf={linkOf} label={title} />
    </Card>
  );
}

function RectificationCard({ view }: { view: StaffDashboardView }) {
  const { t } = useLocale();
  const title = t('dashboard.rectification');
  const weeks = view.rectification;
  const start = view.campaign?.startDate;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 48, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: weeks.map((w) => w.weekTo.slice(5)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        {
          type: 'bar',
          name: t('dashboard.rectification.found'),
          data: weeks.map((w) => w.found.week),
        },
        {
          type: 'bar',
          name: t('dashboard.rectification.rectified'),
          data: weeks.map((w) => w.rectified.week),
        },
        {
          type: 'line',
          yAxisIndex: 1,
          name: t('dashboard.rectification.rate'),
          data: weeks.map((w) => w.rate),
        },
      ],
    }),
    [weeks, t],
  );
  const linkOf = useCallback(
    ({ seriesIndex, dataIndex }: Segment) => {
      const week = weeks[dataIndex];
      if (!week || !start) return null;
      // Found in the week; rectified so far of those found by the week's end; all found by then.
      if (seriesIndex === 0)
        return hazardsHref(view, {
          level: 'major',
          foundFrom: week.weekFrom,
          foundTo: week.weekTo,
        });
      if (seriesIndex === 1)
        return hazardsHref(view, {
          level: 'major',
          status: 'verified',
          foundFrom: start,
          foundTo: week.weekTo,
        });
      return hazardsHref(view, { level: 'major', foundFrom: start, foundTo: week.weekTo });
    },
    [view, weeks, start],
  );
  return (
    <Card size="small" title={title}>
      <Chart option={option} linkOf={linkOf} label={title} />
    </Card>
  );
}

function FiguresBySectorCard({
  view,
  keys,
  title,
}: {
  view: StaffDashboardView;
  keys: readonly FigureKey[];
  title: string;
}) {
  const { label } = useLocale();
  const bySector = view.figuresBySector;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 88 },
      xAxis: {
        type: 'category',
        data: keys.map((k) => label(FIGURES[k])),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: bySector.map((s) => ({
        type: 'bar',
        name: label(SECTOR_LABELS[s.sector]),
        data: keys.map((k) => s.figures[k].cumulative ?? 0),
      })),
    }),
    [bySector, keys, label],
  );
  const linkOf = useCallback(
    ({ seriesIndex }: Segment) => {
      const sector = bySector[seriesIndex]?.sector;
      return sector ? reportHref(view, sector) : null;
    },
    [view, bySector],
  );
  return (
    <Card size="small" title={title}>
      <Chart option={option} linkOf={linkOf} label={title} height={320} />
    </Card>
  );
}

function SelfInspectionCard({ view }: { view: StaffDashboardView }) {
  const { t, label } = useLocale();
  const title = t('dashboard.selfInspection');
  const bySector = view.figuresBySector;
  const option = useMemo<ChartOption>(() => {
    const cov = bySector.map((s) => selfInspectionCoverage(s.figures));
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: bySector.map((s) => label(SECTOR_LABELS[s.sector])) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          stack: 'coverage',
          name: t('dashboard.selfInspection.submitted'),
          data: cov.map((c) => Math.min(c.selfInspected ?? 0, c.registered ?? 0)),
        },
        {
          type: 'bar',
          stack: 'coverage',
          name: t('dashboard.selfInspection.notSubmitted'),
          data: cov.map((c) => Math.max(0, (c.registered ?? 0) - (c.selfInspected ?? 0))),
        },
      ],
    };
  }, [bySector, label, t]);
  const linkOf = useCallback(
    ({ seriesIndex, dataIndex }: Segment) => {
      const sector = bySector[dataIndex]?.sector;
      if (!sector) return null;
      return selfInspectionHref(view, sector, seriesIndex === 0 ? 'submitted' : 'not_submitted');
    },
    [view, bySector],
  );
  return (
    <Card size="small" title={title}>
      <Chart option={option} linkOf={linkOf} label={title} />
    </Card>
  );
}

function EnterpriseDashboard({ view }: { view: EnterpriseDashboardView }) {
  const { t, label } = useLocale();
  const title = t('dashboard.enterprise.openHazards');
  const byStatus = useMemo(
    () =>
      HAZARD_STATUSES.map((status) => ({
        status,
        count: view.openHazards.filter((r) => r.status === status).reduce((n, r) => n + r.count, 0),
      })).filter((s) => s.count > 0),
    [view],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          name: title,
          data: byStatus.map((s) => ({
            name: label(HAZARD_STATUS_LABELS[s.status]),
            value: s.count,
          })),
        },
      ],
    }),
    [byStatus, label, title],
  );
  const linkOf = useCallback(
    ({ dataIndex }: Segment) => {
      const status = byStatus[dataIndex]?.status;
      return status ? hazardsHref(null, { status }) : null;
    },
    [byStatus],
  );
  const total = byStatus.reduce((n, s) => n + s.count, 0);
  const daysText = (days: number) =>
    days < 0
      ? t('dashboard.enterprise.overdueDays', { days: -days })
      : days === 0
        ? t('dashboard.enterprise.dueToday')
        : t('dashboard.enterprise.daysLeft', { days });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={title}>
          <Row gutter={16}>
            <Col span={12}>
              <StatLink title={title} value={total} to="/hazards" />
            </Col>
            <Col span={12}>
              <StatLink
                title={t('dashboard.enterprise.overdue')}
                value={view.overdue}
                to={hazardsHref(null, { overdue: true })}
              />
            </Col>
          </Row>
          {total > 0 ? <Chart option={option} linkOf={linkOf} label={title} height={240} /> : null}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.enterprise.deadlines')}>
          {view.deadlines.length === 0 ? (
            <Typography.Text type="secondary">
              {t('dashboard.enterprise.noDeadlines')}
            </Typography.Text>
          ) : (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {view.deadlines.map((h) => (
                <li key={h.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Flex gap={8} align="center" justify="space-between" wrap>
                    <Flex gap={8} align="center" wrap>
                      {h.level === 'major' ? (
                        <Tag color="red">{label(HAZARD_LEVEL_LABELS.major)}</Tag>
                      ) : null}
                      <Link to={`/hazards/${h.id}`}>
                        {h.number} {h.title}
                      </Link>
                      <Typography.Text type="secondary">
                        {label(HAZARD_STATUS_LABELS[h.status])}
                      </Typography.Text>
                    </Flex>
                    <Typography.Text
                      type={h.daysLeft < 0 ? 'danger' : h.daysLeft <= 7 ? 'warning' : 'secondary'}
                    >
                      {h.deadline} · {daysText(h.daysLeft)}
                    </Typography.Text>
                  </Flex>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card
          size="small"
          title={t('dashboard.enterprise.scorecard')}
          extra={<Link to="/duties">{t('dashboard.enterprise.scorecardLink')}</Link>}
        >
          <Flex gap={8} wrap>
            {view.scorecard.duties.map((d) => (
              <Tag key={d.duty} color={DUTY_STATUS_COLORS[d.status]}>
                {label(DUTY_LABELS[d.duty])}：{label(DUTY_STATUS_LABELS[d.status])}
              </Tag>
            ))}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
