import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Grid,
  List,
  Result,
  Row,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  DUTY_LABELS,
  ErrorCode,
  FINDING_PENALTY_DECISION_LABELS,
  HAZARD_STATUS_LABELS,
  TREATMENT_LABELS,
  type InspectionRecordDetail,
} from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import { getInspection, inspectionKeys, inspectionPdfUrl } from '../../../api/inspections-api';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import { HazardLevelTag } from '../../hazards/hazard-labels';
import { NoPenaltyNote } from './FindingsEditor';
import { CheckResultTag, DutyStatusTag, EVENT_KEYS, parseId, RecordStatusTag } from './labels';
import { RecordActions } from './RecordActions';
import { VerificationPanel } from './VerificationPanel';

/** /inspections/:id — one record: status, actions, content, findings, signatures, history. */
export function InspectionRecordPage() {
  const id = parseId(useParams().id);
  if (id === null) return <NotFound />;
  return <RecordView key={id} id={id} />;
}

function NotFound() {
  const { t } = useLocale();
  usePageTitle(t('inspections.notFound'));
  return (
    <Result
      status="404"
      title={t('inspections.notFound')}
      extra={
        <Link to="/inspections">
          <Button type="primary">{t('inspections.backToList')}</Button>
        </Link>
      }
    />
  );
}

function RecordView({ id }: { id: number }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: inspectionKeys.record(id),
    queryFn: ({ signal }) => getInspection(id, signal),
  });
  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, ErrorCode.NotFound)) return <NotFound />;
    return (
      <>
        <PageHeader title={t('nav.inspection')} />
        <ErrorAlert error={query.error} />
      </>
    );
  }
  return <RecordContent record={query.data} />;
}

function StatusBanner({ r }: { r: InspectionRecordDetail }) {
  const { t } = useLocale();
  const signed = r.inspectors.filter((i) => i.signedAt).length;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {r.status === 'superseded' && r.supersededByRecordId ? (
        <Alert
          type="warning"
          showIcon
          title={
            <Link to={`/inspections/${r.supersededByRecordId}`}>
              {t('inspections.supersededBanner', { no: r.supersededByRecordNo ?? '' })}
            </Link>
          }
        />
      ) : null}
      {r.status === 'signed' ? (
        <Alert type="success" showIcon title={t('inspections.signedBanner')} />
      ) : null}
      {r.status === 'signing' ? (
        <Alert
          type="info"
          showIcon
          title={t('inspections.signingBanner', { signed, total: r.inspectors.length })}
        />
      ) : null}
      {r.supersedesRecordId ? (
        <Typography.Text>
          <Link to={`/inspections/${r.supersedesRecordId}`}>
            {t('inspections.correctsBanner', { no: r.supersedesRecordNo ?? '' })}
          </Link>
        </Typography.Text>
      ) : null}
      {r.pendingCorrectionId ? (
        <Typography.Text>
          {t('inspections.pendingCorrection')}{' '}
          <Link to={`/inspections/${r.pendingCorrectionId}`}>
            {t('inspections.openCorrection')}
          </Link>
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function Findings({ r }: { r: InspectionRecordDetail }) {
  const { t, label } = useLocale();
  const signed = r.status === 'signed' || r.status === 'superseded';
  if (r.findings.length === 0) {
    return <Typography.Text type="secondary">{t('inspections.noFindings')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={12}>
      {r.findings.map((f) => (
        <Card key={f.no} size="small" data-testid={`finding-${f.no}`}>
          <Flex vertical gap={6}>
            <Flex wrap gap={6} align="center">
              <Typography.Text strong>
                {f.no}. {f.title}
              </Typography.Text>
              <HazardLevelTag level={f.level} />
              <Tag style={{ marginInlineEnd: 0 }}>{label(TREATMENT_LABELS[f.treatment])}</Tag>
            </Flex>
            <Typography.Text>{f.description}</Typography.Text>
            {f.catalogItemCode ? (
              <Typography.Text type="secondary">
                {f.catalogItemCode} {f.catalogTitle ?? ''}
              </Typography.Text>
            ) : null}
            <Flex wrap gap={6} align="center">
              {f.hazard && (signed || f.linked) ? (
                <>
                  <Link to={`/hazards/${f.hazard.id}`}>
                    {signed
                      ? t('inspections.hazardLink', { number: f.hazard.number })
                      : t('inspections.willLink', { number: f.hazard.number })}
                  </Link>
                  <Tag style={{ marginInlineEnd: 0 }}>
                    {label(HAZARD_STATUS_LABELS[f.hazard.status])}
                  </Tag>
                  {signed && f.linked ? (
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                      {t('inspections.linkedTag')}
                    </Tag>
                  ) : null}
                </>
              ) : (
                <Typography.Text type="secondary">{t('inspections.willCreate')}</Typography.Text>
              )}
            </Flex>
            {f.noPenalty && r.noPenaltyRule ? (
              <NoPenaltyNote rule={r.noPenaltyRule} evaluation={f.noPenalty} />
            ) : null}
            {f.penaltyDecision ? (
              <Typography.Text>
                {t('inspections.form.penaltyDecision')}：
                {label(FINDING_PENALTY_DECISION_LABELS[f.penaltyDecision])}
                {f.penaltyNote ? `（${f.penaltyNote}）` : ''}
              </Typography.Text>
            ) : f.decisionRequired && !signed ? (
              <Typography.Text type="warning">{t('inspections.decisionMissing')}</Typography.Text>
            ) : null}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

function RecordContent({ record: r }: { record: InspectionRecordDetail }) {
  const { t, label } = useLocale();
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const large = !screens.md;
  const staff = !me?.enterpriseId;
  const signed = r.status === 'signed' || r.status === 'superseded';

  const basic = (
    <Descriptions
      column={1}
      size="small"
      items={[
        { key: 'no', label: t('inspections.field.recordNo'), children: r.recordNo },
        {
          key: 'enterprise',
          label: t('inspections.field.enterprise'),
          children: staff ? (
            <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>
          ) : (
            r.enterpriseName
          ),
        },
        {
          key: 'address',
          label: t('inspections.field.address'),
          children: r.enterpriseAddress ?? '—',
        },
        {
          key: 'time',
          label: t('inspections.field.time'),
          children: `${formatDateTime(r.startedAt)} — ${formatDateTime(r.endedAt).slice(11)}`,
        },
        { key: 'place', label: t('inspections.field.place'), children: r.place },
        {
          key: 'present',
          label: t('inspections.field.present'),
          children: r.enterprisePresent ?? '—',
        },
        {
          key: 'inspectors',
          label: t('inspections.field.inspectors'),
          children: r.inspectors
            .map((i) => `${i.name}（${t('inspections.certificate', { no: i.certificateNo })}）`)
            .join('、'),
        },
        ...(r.planId && staff
          ? [
              {
                key: 'plan',
                label: t('inspections.field.plan'),
                children: <Link to={`/inspection-plans/${r.planId}`}>#{r.planId}</Link>,
              },
            ]
          : []),
        ...(signed
          ? [
              {
                key: 'ack',
                label: t('inspections.field.acknowledged'),
                children: r.acknowledgedAt
                  ? `${r.acknowledgedByName ?? ''} ${formatDateTime(r.acknowledgedAt)}`
                  : t('inspections.notAcknowledged'),
              },
            ]
          : []),
      ]}
    />
  );

  const checklist =
    r.checklist.length === 0 ? (
      <Typography.Text type="secondary">{t('inspections.noChecklist')}</Typography.Text>
    ) : (
      <List
        size="small"
        dataSource={r.checklist}
        rowKey="catalogItemCode"
        renderItem={(c) => (
          <List.Item>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text>
                  <Typography.Text strong>{c.catalogItemCode}</Typography.Text> {c.clause ?? ''}{' '}
                  {c.title ?? ''}
                </Typography.Text>
                <CheckResultTag result={c.result} />
              </Flex>
              {c.note ? <Typography.Text type="secondary">{c.note}</Typography.Text> : null}
            </Flex>
          </List.Item>
        )}
      />
    );

  const scorecard = r.scorecard ? (
    <List
      size="small"
      dataSource={r.scorecard}
      rowKey="duty"
      renderItem={(s) => (
        <List.Item>
          <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
            <Typography.Text>{label(DUTY_LABELS[s.duty])}</Typography.Text>
            <DutyStatusTag status={s.status} />
          </Flex>
        </List.Item>
      )}
    />
  ) : (
    <Typography.Text type="secondary">{t('inspections.scorecardPending')}</Typography.Text>
  );

  const history = (
    <Timeline
      items={r.history.map((e) => ({
        key: e.id,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text>
              {EVENT_KEYS[e.action] ? t(EVENT_KEYS[e.action]!) : e.action} · {e.actorName ?? ''}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)}
            </Typography.Text>
            {e.note ? <Typography.Text>{e.note}</Typography.Text> : null}
          </Flex>
        ),
      }))}
    />
  );

  const card = (title: string, body: ReactNode) => (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {body}
    </Card>
  );

  return (
    <>
      <Link to="/inspections" style={{ display: 'inline-flex', gap: 6, marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('inspections.backToList')}
      </Link>
      <PageHeader
        title={`${t('nav.inspection')} ${r.recordNo}`}
        extra={
          <>
            <RecordStatusTag status={r.status} />
            <Button icon={<FilePdfOutlined />} href={inspectionPdfUrl(r.id)} download>
              {t('inspections.pdf')}
            </Button>
          </>
        }
      />
      <StatusBanner r={r} />
      <Row gutter={16}>
        <Col xs={24} lg={{ span: 8, order: 2 }}>
          {card(t('inspections.actions'), <RecordActions record={r} large={large} />)}
          {card(t('inspections.section.signatures'), <VerificationPanel record={r} />)}
          {screens.lg ? card(t('inspections.section.history'), history) : null}
        </Col>
        <Col xs={24} lg={{ span: 16, order: 1 }}>
          {card(t('inspections.section.basic'), basic)}
          {card(t('inspections.section.findings'), <Findings r={r} />)}
          {card(t('inspections.section.scorecard'), scorecard)}
          {card(t('inspections.section.checklist'), checklist)}
          {screens.lg ? null : card(t('inspections.section.history'), history)}
        </Col>
      </Row>
    </>
  );
}
