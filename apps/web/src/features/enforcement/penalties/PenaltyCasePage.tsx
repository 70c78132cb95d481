import { useState } from 'react';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Flex,
  Grid,
  Result,
  Row,
  Spin,
  Typography,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  ErrorCode,
  PENALTY_CASE_ACTION_LABELS,
  type PenaltyCaseAction,
  type PenaltyCaseDetail,
} from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import { getPenaltyCase, penaltyKeys } from '../../../api/penalties-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { PageHeader } from '../../../components/PageHeader';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import { CaseActionModal, type ModalAction } from './CaseActionModal';
import {
  CaseHazards,
  CaseHistory,
  CaseInfo,
  CaseParties,
  DailyPenalty,
  NoPenaltyNote,
} from './CaseSections';
import { EditCaseDrawer } from './EditCaseDrawer';
import { MajorHazardTag, PenaltyStatusTag, PublicationTag } from './labels';
import { PartiesModal } from './PartiesModal';

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 && Number.isSafeInteger(Number(raw))
    ? Number(raw)
    : null;
}

const PRIMARY: readonly PenaltyCaseAction[] = [
  'decide',
  'notify',
  'end_investigation',
  'execute',
  'close',
];
const DANGER: readonly PenaltyCaseAction[] = ['withdraw', 'terminate'];
const BEFORE_DECISION: readonly string[] = ['filed', 'investigated', 'notified'];

/** /penalty-cases/:id — one case: rules shown, parties, actions, daily penalty, history, PDFs. */
export function PenaltyCasePage() {
  const id = parseId(useParams().id);
  if (id === null) return <NotFound />;
  return <CaseLoader key={id} id={id} />;
}

function NotFound() {
  const { t } = useLocale();
  usePageTitle(t('penalties.notFound'));
  return (
    <Result
      status="404"
      title={t('penalties.notFound')}
      extra={<Link to="/penalty-cases">{t('penalties.backToList')}</Link>}
    />
  );
}

function CaseLoader({ id }: { id: number }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: penaltyKeys.case(id),
    queryFn: ({ signal }) => getPenaltyCase(id, signal),
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
        <PageHeader title={t('nav.penaltyCase')} />
        <ErrorAlert error={query.error} />
      </>
    );
  }
  return <CaseView c={query.data} />;
}

/** The 一案双罚 requirement and what still blocks the decision, before it is taken. */
function DecisionRequirements({ c }: { c: PenaltyCaseDetail }) {
  const { t, label } = useLocale();
  if (!BEFORE_DECISION.includes(c.status)) return null;
  const { errors, warnings } = c.decisionCheck;
  return (
    <>
      {c.majorHazard?.persists ? (
        <Alert
          type={errors.length > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('penalties.doublePenaltyTitle')}
          description={t('penalties.doublePenaltyRule', { leader: c.mainLeaderName ?? '—' })}
        />
      ) : null}
      {errors.length > 0 ? (
        <InfoNote>
          <Typography.Text strong>{t('penalties.beforeDecision')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="decision-errors">
            {errors.map((e) => (
              <li key={e.zh}>{label(e)}</li>
            ))}
          </ul>
        </InfoNote>
      ) : null}
      {warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('penalties.amountWarnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {warnings.map((w) => (
                <li key={w.zh}>{label(w)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </>
  );
}

function CaseView({ c }: { c: PenaltyCaseDetail }) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [modal, setModal] = useState<{ action: ModalAction; seq: number } | null>(null);
  const [parties, setParties] = useState(0);
  const [edit, setEdit] = useState(0);
  const actions = c.availableActions.filter((a): a is ModalAction => a !== 'edit_parties');
  const canEditParties = c.availableActions.includes('edit_parties');

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/penalty-cases">{t('nav.penaltyCases')}</Link> },
          { title: c.caseNo },
        ]}
      />
      <PageHeader title={c.matter} />
      <Flex wrap gap={6} align="center" style={{ marginBottom: 16 }}>
        <PenaltyStatusTag status={c.status} />
        <MajorHazardTag major={c.majorHazard} />
        <PublicationTag publication={c.publication} />
        <Typography.Text type="secondary">
          {c.caseNo} · {c.enterpriseName}
        </Typography.Text>
      </Flex>
      <DecisionRequirements c={c} />
      <NoPenaltyNote c={c} />
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          {actions.length > 0 ? (
            <Card title={t('penalties.actions')} size="small" style={{ marginBottom: 16 }}>
              <Flex wrap gap={8} vertical={phone} role="group" aria-label={t('penalties.actions')}>
                {actions.map((a) => (
                  <Button
                    key={a}
                    type={PRIMARY.includes(a) ? 'primary' : 'default'}
                    danger={DANGER.includes(a)}
                    size={phone ? 'large' : 'middle'}
                    block={phone}
                    onClick={() => setModal((m) => ({ action: a, seq: (m?.seq ?? 0) + 1 }))}
                  >
                    {label(PENALTY_CASE_ACTION_LABELS[a])}
                  </Button>
                ))}
              </Flex>
            </Card>
          ) : null}
          <Card
            title={t('penalties.section.parties')}
            size="small"
            style={{ marginBottom: 16 }}
            extra={
              canEditParties ? (
                <Button
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setParties((s) => s + 1)}
                >
                  {t('penalties.editParties')}
                </Button>
              ) : null
            }
          >
            <CaseParties c={c} />
          </Card>
          <Card
            title={t('penalties.section.basic')}
            size="small"
            style={{ marginBottom: 16 }}
            extra={
              c.canEdit ? (
                <Button type="link" icon={<EditOutlined />} onClick={() => setEdit((s) => s + 1)}>
                  {t('common.edit')}
                </Button>
              ) : null
            }
          >
            <CaseInfo c={c} />
          </Card>
          <Card title={t('penalties.section.hazards')} size="small" style={{ marginBottom: 16 }}>
            <InfoNote>{t('penalties.neverCloses')}</InfoNote>
            <CaseHazards c={c} />
          </Card>
          {c.daily ? (
            <Card title={t('penalties.section.daily')} size="small" style={{ marginBottom: 16 }}>
              <DailyPenalty c={c} />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('penalties.section.history')} size="small" style={{ marginBottom: 16 }}>
            <CaseHistory history={c.history} />
          </Card>
        </Col>
      </Row>
      {modal ? (
        <CaseActionModal
          key={modal.seq}
          c={c}
          action={modal.action}
          open
          onClose={() => setModal(null)}
        />
      ) : null}
      {parties > 0 ? <PartiesModal key={parties} c={c} open onClose={() => setParties(0)} /> : null}
      {edit > 0 ? <EditCaseDrawer key={edit} c={c} open onClose={() => setEdit(0)} /> : null}
    </>
  );
}
