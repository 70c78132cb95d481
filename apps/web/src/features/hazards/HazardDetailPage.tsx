import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Grid, Result, Row, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  ErrorCode,
  HAZARD_ACTION_LABELS,
  Permission,
  type HazardAction,
  type HazardDetail,
} from '@hazard-ledger/domain';
import { isApiError } from '../../api/client';
import { getHazard } from '../../api/hazards-api';
import { queryKeys } from '../../api/query-keys';
import { useCan } from '../../auth/can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import { PageHeader } from '../../components/PageHeader';
import { usePageTitle } from '../../components/usePageTitle';
import { useLocale } from '../../i18n/locale-context';
import { DANGER_ACTIONS, PRIMARY_ACTIONS } from './action-form';
import { HazardActionModal } from './HazardActionModal';
import { HazardFilesSection, UploadButtons } from './HazardFiles';
import { HazardEditDrawer, HazardInfoSection } from './HazardInfoSection';
import { HazardLevelTag, HazardStatusTag, OverdueTag, SupervisionTag } from './hazard-labels';
import { HazardPlanSection } from './HazardPlanSection';
import { HazardTimeline } from './HazardTimeline';

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 && Number.isSafeInteger(Number(raw))
    ? Number(raw)
    : null;
}

/** /hazards/:id — one hazard: header, actions, record, plan, photos and timeline. */
export function HazardDetailPage() {
  const id = parseId(useParams().id);
  if (id === null) return <NotFound />;
  return <HazardView key={id} id={id} />;
}

function NotFound() {
  const { t } = useLocale();
  usePageTitle(t('hazards.notFound'));
  return (
    <Result
      status="404"
      title={t('hazards.notFound')}
      extra={
        <Link to="/hazards">
          <Button type="primary">{t('hazards.backToList')}</Button>
        </Link>
      }
    />
  );
}

function HazardView({ id }: { id: number }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: queryKeys.hazard(id),
    queryFn: ({ signal }) => getHazard(id, signal),
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
        <PageHeader title={t('nav.hazardDetail')} />
        <ErrorAlert error={query.error} />
      </>
    );
  }
  return <HazardPage hazard={query.data} />;
}

function HazardPage({ hazard }: { hazard: HazardDetail }) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const canCreate = useCan(Permission.HazardCreate);
  const canAct = useCan(Permission.HazardAct);
  const [params, setParams] = useSearchParams();
  const justCreated = params.get('created') === '1';
  const [modal, setModal] = useState<{ action: HazardAction; seq: number; open: boolean } | null>(
    null,
  );
  const [edit, setEdit] = useState({ open: false, seq: 0 });
  const h = hazard;
  const canUpload = canCreate && h.status !== 'verified';
  const editable = h.canEdit && canCreate;
  const actions = canAct ? h.availableActions : [];
  const phone = !screens.md;
  // One column below lg: the actions come first, right under the header.
  const stacked = !screens.lg;

  const openAction = (action: HazardAction) =>
    setModal((m) => ({ action, seq: (m?.seq ?? 0) + 1, open: true }));

  const header = (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Typography.Text style={{ fontSize: 16 }}>{h.title}</Typography.Text>
      <Flex wrap gap={6} align="center" data-testid="hazard-tags">
        <HazardStatusTag status={h.status} />
        <HazardLevelTag level={h.level} />
        {h.overdue ? <OverdueTag /> : null}
        <SupervisionTag level={h.supervisionLevel} />
        <Typography.Text type="secondary">{h.enterpriseName}</Typography.Text>
      </Flex>
    </Flex>
  );

  const actionsCard = (
    <Card title={t('hazards.actions')} size="small" style={{ marginBottom: 16 }}>
      {h.selfFoundAndReported && h.level === 'major' ? (
        <InfoNote>
          <Typography.Text strong>{t('hazards.selfFoundTag')}</Typography.Text>
          {'：'}
          {t('hazards.noPenaltyRule')}
        </InfoNote>
      ) : null}
      {h.extensionRequest ? (
        <InfoNote>
          {t('hazards.extensionPending', {
            deadline: h.extensionRequest.deadline,
            reason: h.extensionRequest.reason,
          })}
        </InfoNote>
      ) : null}
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('hazards.noActions')}</Typography.Text>
      ) : (
        <Flex
          wrap
          gap={8}
          vertical={phone}
          data-testid="hazard-actions"
          role="group"
          aria-label={t('hazards.actions')}
        >
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY_ACTIONS.includes(a) ? 'primary' : 'default'}
              danger={DANGER_ACTIONS.includes(a)}
              size={phone ? 'large' : 'middle'}
              block={phone}
              onClick={() => openAction(a)}
            >
              {label(HAZARD_ACTION_LABELS[a])}
            </Button>
          ))}
        </Flex>
      )}
    </Card>
  );

  const infoCard = (
    <Card
      title={t('hazards.section.basic')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        editable ? (
          <Button
            type="link"
            icon={<EditOutlined />}
            onClick={() => setEdit((e) => ({ open: true, seq: e.seq + 1 }))}
          >
            {t('hazards.editBasic')}
          </Button>
        ) : null
      }
    >
      <HazardInfoSection hazard={h} />
    </Card>
  );

  const planCard = (
    <Card title={t('hazards.section.plan')} size="small" style={{ marginBottom: 16 }}>
      <HazardPlanSection hazard={h} editable={editable} />
    </Card>
  );

  const filesCard = (
    <Card title={t('hazards.section.files')} size="small" style={{ marginBottom: 16 }}>
      <HazardFilesSection hazard={h} canUpload={canUpload} />
    </Card>
  );

  const timelineCard = (
    <Card title={t('hazards.section.timeline')} size="small" style={{ marginBottom: 16 }}>
      <HazardTimeline history={h.history} />
    </Card>
  );

  return (
    <>
      <Link to="/hazards" style={{ display: 'inline-flex', gap: 6, marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('hazards.backToList')}
      </Link>
      <PageHeader title={h.number} />
      {header}
      {justCreated ? (
        <Alert
          type="success"
          showIcon
          closable={{
            onClose: () => {
              const next = new URLSearchParams(params);
              next.delete('created');
              setParams(next, { replace: true });
            },
          }}
          title={t('hazards.created', { number: h.number })}
          description={
            canUpload ? (
              <Flex vertical gap={8} style={{ marginTop: 4 }}>
                <span>{t('hazards.addBeforePhotos')}</span>
                <UploadButtons hazardId={h.id} kind="before" />
              </Flex>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          {stacked ? actionsCard : null}
          {infoCard}
          {planCard}
          {filesCard}
        </Col>
        <Col xs={24} lg={8}>
          {stacked ? null : actionsCard}
          {timelineCard}
        </Col>
      </Row>
      {modal ? (
        <HazardActionModal
          key={modal.seq}
          hazard={h}
          action={modal.action}
          open={modal.open}
          onClose={() => setModal((m) => (m ? { ...m, open: false } : m))}
        />
      ) : null}
      {edit.seq > 0 ? (
        <HazardEditDrawer
          key={edit.seq}
          hazard={h}
          open={edit.open}
          onClose={() => setEdit((e) => ({ ...e, open: false }))}
        />
      ) : null}
    </>
  );
}
