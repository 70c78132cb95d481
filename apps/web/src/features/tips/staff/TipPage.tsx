import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Grid,
  Result,
  Row,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  ErrorCode,
  Permission,
  SECTOR_LABELS,
  TIP_ACTION_LABELS,
  TIP_REJECT_REASON_LABELS,
  TIP_STATUS_LABELS,
  type TipAction,
  type TipDetail,
  type TipRecordAction,
} from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import { getTip, tipKeys } from '../../../api/tips-api';
import { useCan } from '../../../auth/can';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import { TipActionDrawer } from './TipActionDrawer';
import { TipDuplicatesCard } from './TipDuplicatesCard';
import { TipFilesCard } from './TipFilesCard';
import { TipIdentityButton } from './TipIdentityButton';
import {
  DueDateText,
  TipChannelTag,
  TipOverdueTag,
  TipResultTag,
  TipStatusTag,
} from './tip-labels';
import { TipMessages } from './TipMessages';

/** Actions written as messages (their buttons live in the messages card, not the actions card). */
const MESSAGE_ACTIONS: readonly TipAction[] = ['note', 'reply', 'ask'];
const PRIMARY: readonly TipAction[] = ['accept', 'assign', 'verify', 'close'];

/** History events that are not workflow actions. */
const EVENT_KEYS: Record<string, MessageKey> = {
  created: 'tips.event.created',
  identity_viewed: 'tips.event.identity_viewed',
  file_added: 'tips.event.file_added',
  reporter_info: 'tips.event.reporter_info',
  reporter_answer: 'tips.event.reporter_answer',
};

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 && Number.isSafeInteger(Number(raw))
    ? Number(raw)
    : null;
}

/** /tips/:id — one tip for staff: facts, actions, messages, files, duplicates, links, history. */
export function TipPage() {
  const id = parseId(useParams().id);
  if (id === null) return <NotFound />;
  return <TipView key={id} id={id} />;
}

function NotFound() {
  const { t } = useLocale();
  usePageTitle(t('tips.notFound'));
  return (
    <Result
      status="404"
      title={t('tips.notFound')}
      extra={
        <Link to="/tips">
          <Button type="primary">{t('tips.backToList')}</Button>
        </Link>
      }
    />
  );
}

function TipView({ id }: { id: number }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: tipKeys.one(id),
    queryFn: ({ signal }) => getTip(id, signal),
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
        <PageHeader title={t('nav.tip')} />
        <ErrorAlert error={query.error} />
      </>
    );
  }
  return <TipDetailView tip={query.data} />;
}

function TipDetailView({ tip }: { tip: TipDetail }) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const canManage = useCan(Permission.TipManage);
  const [drawer, setDrawer] = useState<{
    action: TipRecordAction;
    seq: number;
    open: boolean;
  } | null>(null);
  const phone = !screens.md;
  const stacked = !screens.lg;
  const actions = (canManage ? tip.availableActions : []).filter(
    (a): a is TipRecordAction => !MESSAGE_ACTIONS.includes(a),
  );
  const eventLabel = (action: string) =>
    EVENT_KEYS[action]
      ? t(EVENT_KEYS[action])
      : action in TIP_ACTION_LABELS
        ? label(TIP_ACTION_LABELS[action as TipAction])
        : action;

  const header = (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Typography.Text style={{ fontSize: 16, wordBreak: 'break-word' }} data-testid="tip-subject">
        {tip.subject}
      </Typography.Text>
      <Flex wrap gap={6} align="center">
        <TipStatusTag status={tip.status} />
        <TipChannelTag channel={tip.channel} />
        <TipResultTag result={tip.verificationResult} />
        {tip.overdue ? <TipOverdueTag /> : null}
        {tip.anonymous ? <Tag>{t('tips.anonymous')}</Tag> : <Tag>{t('tips.named')}</Tag>}
        {tip.insider ? <Tag color="volcano">{t('tips.insider')}</Tag> : null}
      </Flex>
    </Flex>
  );

  const actionsCard = (
    <Card title={t('tips.actions')} size="small" style={{ marginBottom: 16 }}>
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('tips.noActions')}</Typography.Text>
      ) : (
        <Flex
          wrap
          gap={8}
          vertical={phone}
          role="group"
          aria-label={t('tips.actions')}
          data-testid="tip-actions"
        >
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY.includes(a) ? 'primary' : 'default'}
              danger={a === 'reject'}
              size={phone ? 'large' : 'middle'}
              block={phone}
              onClick={() => setDrawer((d) => ({ action: a, seq: (d?.seq ?? 0) + 1, open: true }))}
            >
              {label(TIP_ACTION_LABELS[a])}
            </Button>
          ))}
        </Flex>
      )}
      {tip.canViewIdentity ? (
        <div style={{ marginTop: 12 }}>
          <TipIdentityButton tip={tip} />
        </div>
      ) : null}
    </Card>
  );

  const text = (v: string | null) => v ?? '—';
  const factsCard = (
    <Card title={t('tips.section.facts')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={phone ? 1 : 2} size="small">
        <Descriptions.Item label={t('tips.field.receivedAt')}>
          {formatDateTime(tip.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tips.field.district')}>{tip.districtName}</Descriptions.Item>
        <Descriptions.Item label={t('tips.field.enterprise')}>
          {tip.enterpriseId ? (
            <Link to={`/enterprises/${tip.enterpriseId}`}>{tip.enterpriseRegistryName}</Link>
          ) : (
            text(tip.enterpriseText)
          )}
        </Descriptions.Item>
        {tip.enterpriseId && tip.enterpriseText ? (
          <Descriptions.Item label={t('tips.field.enterpriseText')}>
            {tip.enterpriseText}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('tips.field.sector')}>
          {tip.sector ? label(SECTOR_LABELS[tip.sector]) : t('tips.sectorUnknown')}
        </Descriptions.Item>
        <Descriptions.Item label={t('tips.field.place')}>{text(tip.place)}</Descriptions.Item>
        <Descriptions.Item label={t('tips.field.catalogItem')}>
          {text(tip.catalogItemCode)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tips.field.dueDate')}>
          <DueDateText date={tip.dueDate} overdue={tip.overdue} />
        </Descriptions.Item>
        <Descriptions.Item label={t('tips.col.assignee')}>
          {[tip.assignedUnitName, tip.assignedUserName].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('tips.field.description')} span={phone ? 1 : 2}>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginBottom: 0, wordBreak: 'break-word' }}
            data-testid="tip-description"
          >
            {tip.description}
          </Typography.Paragraph>
        </Descriptions.Item>
        {tip.rejectReason ? (
          <Descriptions.Item label={t('tips.field.rejectReason')} span={phone ? 1 : 2}>
            {label(TIP_REJECT_REASON_LABELS[tip.rejectReason])}
            {tip.duplicateOf ? (
              <>
                {'：'}
                <Link to={`/tips/${tip.duplicateOf.id}`}>{tip.duplicateOf.number}</Link>
              </>
            ) : null}
          </Descriptions.Item>
        ) : null}
        {tip.verificationSummary ? (
          <Descriptions.Item label={t('tips.field.verificationSummary')} span={phone ? 1 : 2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {tip.verificationSummary}
            </Typography.Paragraph>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );

  const linksCard = (
    <Card title={t('tips.section.links')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('tips.link.hazard')}>
          {tip.hazard ? <Link to={`/hazards/${tip.hazard.id}`}>{tip.hazard.number}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('tips.link.inspectionRecord')}>
          {tip.inspectionRecord ? (
            <Link to={`/inspections/${tip.inspectionRecord.id}`}>{tip.inspectionRecord.label}</Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('tips.link.penaltyCase')}>
          {tip.penaltyCase ? (
            <Link to={`/penalty-cases/${tip.penaltyCase.id}`}>{tip.penaltyCase.label}</Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );

  const historyCard = (
    <Card title={t('tips.section.history')} size="small" style={{ marginBottom: 16 }}>
      <Timeline
        items={tip.history.map((e) => ({
          key: e.id,
          content: (
            <Flex vertical gap={2}>
              <Typography.Text strong>{eventLabel(e.action)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[e.actorName, formatDateTime(e.at)].filter(Boolean).join(' · ')}
                {e.fromStatus && e.fromStatus !== e.toStatus
                  ? ` · ${label(TIP_STATUS_LABELS[e.fromStatus])} → ${label(TIP_STATUS_LABELS[e.toStatus])}`
                  : ''}
              </Typography.Text>
              {e.note ? (
                <Typography.Text style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>
                  {e.note}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        }))}
      />
    </Card>
  );

  return (
    <>
      <Link to="/tips" style={{ display: 'inline-flex', gap: 6, marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('tips.backToList')}
      </Link>
      <PageHeader title={tip.number} />
      {header}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          {stacked ? actionsCard : null}
          {factsCard}
          <Card title={t('tips.section.messages')} size="small" style={{ marginBottom: 16 }}>
            <TipMessages tip={tip} />
          </Card>
          <Card title={t('tips.section.files')} size="small" style={{ marginBottom: 16 }}>
            <TipFilesCard tip={tip} canUpload={canManage && tip.status !== 'closed'} />
          </Card>
          <Card title={t('tips.section.duplicates')} size="small" style={{ marginBottom: 16 }}>
            <TipDuplicatesCard tip={tip} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          {stacked ? null : actionsCard}
          {linksCard}
          {historyCard}
        </Col>
      </Row>
      {drawer ? (
        <TipActionDrawer
          key={drawer.seq}
          tip={tip}
          action={drawer.action}
          open={drawer.open}
          onClose={() => setDrawer((d) => (d ? { ...d, open: false } : d))}
        />
      ) : null}
    </>
  );
}
