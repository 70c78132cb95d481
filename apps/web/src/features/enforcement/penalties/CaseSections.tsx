import { Descriptions, Flex, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  NO_PENALTY_BASIS,
  NO_PENALTY_RULE,
  PENALTY_CASE_ACTION_LABELS,
  PENALTY_CASE_STATUS_LABELS,
  PENALTY_CIRCUMSTANCE_LABELS,
  PENALTY_PARTY_KIND_LABELS,
  type PenaltyCaseDetail,
  type PenaltyCaseEvent,
  type PenaltyCaseHazard,
  type PenaltyCasePartyView,
} from '@hazard-ledger/domain';
import { decisionPdfUrl } from '../../../api/penalties-api';
import { formatDateTime } from '../../../components/format';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { formatYuan, PublicationTag, useArticleLabel } from './labels';

/** The record of the case: enterprise, matter, facts, dates. */
export function CaseInfo({ c }: { c: PenaltyCaseDetail }) {
  const { t } = useLocale();
  const items = [
    {
      key: 'enterprise',
      label: t('penalties.enterprise'),
      children: <Link to={`/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link>,
    },
    { key: 'caseNo', label: t('penalties.caseNo'), children: c.caseNo },
    { key: 'matter', label: t('penalties.matter'), children: c.matter },
    { key: 'filedOn', label: t('penalties.filedOn'), children: c.filedOn },
    {
      key: 'facts',
      label: t('penalties.facts'),
      span: 'filled' as const,
      children: (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {c.facts ?? '—'}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'record',
      label: t('penalties.inspectionRecord'),
      children: c.inspectionRecordId ? (
        <Link to={`/inspections/${c.inspectionRecordId}`}>
          {c.inspectionRecordNo ?? `#${c.inspectionRecordId}`}
        </Link>
      ) : (
        '—'
      ),
    },
    { key: 'mainLeader', label: t('penalties.mainLeader'), children: c.mainLeaderName ?? '—' },
    { key: 'notifiedOn', label: t('penalties.notifiedOn'), children: c.notifiedOn ?? '—' },
    { key: 'decisionDate', label: t('penalties.decisionDate'), children: c.decisionDate ?? '—' },
    {
      key: 'publication',
      label: t('penalties.publication'),
      children: c.publication ? <PublicationTag publication={c.publication} /> : '—',
    },
    { key: 'executedOn', label: t('penalties.executedOn'), children: c.executedOn ?? '—' },
    { key: 'closedOn', label: t('penalties.closedOn'), children: c.closedOn ?? '—' },
    {
      key: 'created',
      label: t('penalties.createdBy'),
      children: `${c.createdByName} · ${formatDateTime(c.createdAt)}`,
    },
  ];
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

/** The hazards of the case as the ledger has them now (a penalty never closes one). */
export function CaseHazards({ c }: { c: PenaltyCaseDetail }) {
  const { t, label } = useLocale();
  if (c.hazards.length === 0) {
    return <Typography.Text type="secondary">{t('penalties.noHazards')}</Typography.Text>;
  }
  const columns: TableColumnsType<PenaltyCaseHazard> = [
    {
      title: t('penalties.hazard'),
      key: 'hazard',
      render: (_: unknown, h) => (
        <Flex vertical gap={2}>
          <Link to={`/hazards/${h.id}`}>{h.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {h.number}
            {h.catalogItemCode ? ` · ${h.catalogItemCode}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('penalties.hazardState'),
      key: 'state',
      width: 220,
      render: (_: unknown, h) => (
        <Flex wrap gap={4}>
          <Tag style={{ marginInlineEnd: 0 }}>{label(HAZARD_LEVEL_LABELS[h.level])}</Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{label(HAZARD_STATUS_LABELS[h.status])}</Tag>
          {h.persists ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('penalties.majorPersists')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <Table<PenaltyCaseHazard>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={c.hazards}
    />
  );
}

/** The parties with basis, amount, decision number and, once decided, their decision PDF. */
export function CaseParties({ c }: { c: PenaltyCaseDetail }) {
  const { t, label } = useLocale();
  const articleLabel = useArticleLabel();
  if (c.parties.length === 0) {
    return <Typography.Text type="secondary">{t('penalties.noParties')}</Typography.Text>;
  }
  const columns: TableColumnsType<PenaltyCasePartyView> = [
    {
      title: t('penalties.party'),
      key: 'party',
      render: (_: unknown, p) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{p.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(PENALTY_PARTY_KIND_LABELS[p.kind])}
            {p.position ? ` · ${p.position}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('penalties.basis'),
      key: 'basis',
      render: (_: unknown, p) => (
        <Flex vertical gap={2}>
          <span>{articleLabel(p.basis)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(PENALTY_CIRCUMSTANCE_LABELS[p.circumstance])}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('penalties.amount'),
      key: 'amount',
      width: 130,
      align: 'right',
      render: (_: unknown, p) => formatYuan(p.amountFen),
    },
    {
      title: t('penalties.decisionNo'),
      key: 'decision',
      width: 220,
      render: (_: unknown, p) => (
        <Flex vertical gap={2}>
          <span>{p.decisionNo ?? '—'}</span>
          {p.decisionCode ? (
            <a href={decisionPdfUrl(c.id, p.id)} target="_blank" rel="noreferrer">
              <FilePdfOutlined /> {t('penalties.decisionPdf')}
            </a>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <Table<PenaltyCasePartyView>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={c.parties}
        scroll={{ x: 640 }}
      />
      {c.leaderWaiverReason ? (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Typography.Text strong>{t('penalties.leaderWaiver')}：</Typography.Text>
          {c.leaderWaiverReason}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

/** The no-penalty rule for the case's self-found hazards, and the decision taken on it. */
export function NoPenaltyNote({ c }: { c: PenaltyCaseDetail }) {
  const { t } = useLocale();
  const rule = c.noPenalty;
  if (!rule) return null;
  return (
    <InfoNote>
      <Typography.Text strong>{NO_PENALTY_RULE.zh}</Typography.Text>
      <div style={{ fontSize: 12 }}>{NO_PENALTY_BASIS.zh}</div>
      <div style={{ marginTop: 4 }}>
        {rule.applies
          ? t('penalties.noPenaltyAppliesOn', { date: rule.asOf })
          : t('penalties.noPenaltyNotApplies', { date: rule.asOf })}
      </div>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        {rule.hazards.map((h) => (
          <li key={h.hazardId}>
            {h.number}：{h.reasons.join('；')}
          </li>
        ))}
      </ul>
      {c.noPenaltyOverrideReason ? (
        <div style={{ marginTop: 4 }}>
          {t('penalties.overrideReason')}：{c.noPenaltyOverrideReason}
        </div>
      ) : null}
      {c.noPenaltyDecision ? (
        <div style={{ marginTop: 4 }}>
          {t('penalties.noPenaltyDecided', {
            date: c.noPenaltyDecision.decidedOn,
            no: c.noPenaltyDecision.decisionNo ?? '—',
          })}
          ：{c.noPenaltyDecision.reason}
        </div>
      ) : null}
    </InfoNote>
  );
}

/** 按日连续处罚: the days counted and the accumulated amount per fined party. */
export function DailyPenalty({ c }: { c: PenaltyCaseDetail }) {
  const { t } = useLocale();
  const d = c.daily;
  if (!d) return null;
  return (
    <Flex vertical gap={4}>
      <span>
        {t('penalties.dailyOrdered', { date: d.orderedOn })}
        {d.correctedOn
          ? t('penalties.dailyCorrected', { date: d.correctedOn })
          : t('penalties.dailyOngoing')}
      </span>
      <span>
        {d.days > 0
          ? t('penalties.dailyPreview', { days: d.days, from: d.from ?? '', to: d.to ?? '' })
          : t('penalties.dailyNone')}
      </span>
      {d.parties.map((p) => (
        <span key={p.partyId}>
          {p.name}：{formatYuan(p.originalAmountFen)} × {d.days} = {formatYuan(p.totalFen)}
        </span>
      ))}
      <Typography.Text strong>
        {t('penalties.dailyTotal')}：{formatYuan(d.totalFen)}
      </Typography.Text>
    </Flex>
  );
}

/** The case history, oldest first. */
export function CaseHistory({ history }: { history: readonly PenaltyCaseEvent[] }) {
  const { t, label } = useLocale();
  const title = (e: PenaltyCaseEvent) =>
    e.action === 'filed'
      ? t('penalties.eventFiled')
      : e.action === 'edited'
        ? t('penalties.eventEdited')
        : label(PENALTY_CASE_ACTION_LABELS[e.action]);
  return (
    <Timeline
      items={history.map((e) => ({
        key: e.id,
        color: e.action === 'decide' ? 'red' : e.action === 'close' ? 'green' : 'blue',
        content: (
          <Flex vertical gap={2} data-event={e.action}>
            <Flex wrap gap={6} align="baseline">
              <Typography.Text strong>{title(e)}</Typography.Text>
              {e.fromStatus && e.fromStatus !== e.toStatus ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {label(PENALTY_CASE_STATUS_LABELS[e.fromStatus])} →{' '}
                  {label(PENALTY_CASE_STATUS_LABELS[e.toStatus])}
                </Typography.Text>
              ) : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actorName ?? '—'} · {formatDateTime(e.at)}
            </Typography.Text>
            {e.note ? (
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Text>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
