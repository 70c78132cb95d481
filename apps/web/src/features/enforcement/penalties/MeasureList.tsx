import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Empty,
  Flex,
  Input,
  Modal,
  Spin,
  Tag,
  Typography,
  theme,
} from 'antd';
import { EditOutlined, FileOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  DANGEROUS_OPERATION_CLAUSE_LABELS,
  JOINT_PUNISHMENT_MEASURE_LABELS,
  REFERRAL_OFFENCE_LABELS,
  REFERRAL_ORGAN_LABELS,
  type EnforcementMeasureView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { measureDocumentUrl, penaltyKeys, voidMeasure } from '../../../api/penalties-api';
import { useLocale } from '../../../i18n/locale-context';
import { MeasureKindTag } from './labels';

/** The kind-specific facts of a measure, one line each. */
function useMeasureLines() {
  const { t, label } = useLocale();
  return (m: EnforcementMeasureView): string[] => {
    const d = m.data;
    switch (d.kind) {
      case 'notification':
        return [`${t('penalties.scope')}：${d.scope}`];
      case 'interview':
        return [
          `${t('penalties.interviewee')}：${d.intervieweeName}${d.intervieweePosition ? `（${d.intervieweePosition}）` : ''}`,
          `${t('penalties.conductedBy')}：${d.conductedBy}`,
        ];
      case 'joint_punishment':
        return [
          d.measures.map((x) => label(JOINT_PUNISHMENT_MEASURE_LABELS[x])).join('、'),
          `${t('penalties.departments')}：${d.departments}`,
        ];
      case 'suspension':
        return [
          `${t('penalties.startDate')}：${d.startDate}`,
          d.liftedOn ? `${t('penalties.liftedOn')}：${d.liftedOn}` : t('penalties.suspended'),
        ];
      case 'closure_proposal':
        return [
          `${t('penalties.proposedTo')}：${d.proposedTo}`,
          m.leaderBan
            ? t('penalties.leaderBan', { from: m.leaderBan.from, to: m.leaderBan.to })
            : t('penalties.closurePending'),
        ];
      case 'judicial_referral': {
        const offence = REFERRAL_OFFENCE_LABELS[d.offence];
        return [
          `${label(offence)}${offence.article ? `（${offence.article}）` : ''} → ${label(REFERRAL_ORGAN_LABELS[d.organ])}`,
          ...(d.dangerousOperationClause
            ? [label(DANGEROUS_OPERATION_CLAUSE_LABELS[d.dangerousOperationClause])]
            : []),
          ...(d.receivingCaseNo ? [`${t('penalties.receivingCaseNo')}：${d.receivingCaseNo}`] : []),
        ];
      }
      case 'dishonesty_list':
        return [
          `${t('penalties.entryDate')}：${d.entryDate}，${t('penalties.periodEnd', { date: m.dishonesty?.periodEnd ?? '' })}`,
          ...(d.removalDate ? [`${t('penalties.removalDate')}：${d.removalDate}`] : []),
        ];
    }
  };
}

/** Voids a measure with a reason. */
function VoidModal({ m, onClose }: { m: EnforcementMeasureView; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => voidMeasure(m.id, { version: m.version, reason: reason.trim() }),
    onSuccess: async () => {
      void message.success(t('penalties.measureVoided'));
      await queryClient.invalidateQueries({ queryKey: penaltyKeys.all });
      onClose();
    },
    onError: (e) =>
      setError(
        e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : t('common.unexpectedError'),
      ),
  });
  return (
    <Modal
      open
      title={t('penalties.voidMeasure')}
      onCancel={onClose}
      onOk={() => {
        if (reason.trim().length < 2) {
          setError(t('penalties.voidReasonRequired'));
          return;
        }
        mutation.mutate();
      }}
      okButtonProps={{ danger: true }}
      okText={t('penalties.voidMeasure')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Input.TextArea
        aria-label={t('penalties.voidReason')}
        placeholder={t('penalties.voidReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 5 }}
      />
    </Modal>
  );
}

/** One measure: kind, date, state, basis, facts and documents. */
function MeasureItem({ m, lines }: { m: EnforcementMeasureView; lines: string[] }) {
  const { t } = useLocale();
  return (
    <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
      <Flex wrap gap={6} align="center">
        <MeasureKindTag kind={m.kind} />
        <Typography.Text>{m.date}</Typography.Text>
        {m.dishonesty ? (
          <Tag color={m.dishonesty.active ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
            {m.dishonesty.active ? t('penalties.listed') : t('penalties.notListed')}
          </Tag>
        ) : null}
        {m.suspensionActive ? (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {t('penalties.suspended')}
          </Tag>
        ) : null}
        {m.voidedAt ? (
          <Tag style={{ marginInlineEnd: 0 }}>
            {t('penalties.voided', { reason: m.voidReason ?? '' })}
          </Tag>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {m.data.basis}
        {m.data.documentNo ? ` · ${m.data.documentNo}` : ''}
        {m.penaltyCaseNo && m.data.penaltyCaseId ? (
          <>
            {' · '}
            <Link to={`/penalty-cases/${m.data.penaltyCaseId}`}>{m.penaltyCaseNo}</Link>
          </>
        ) : null}
      </Typography.Text>
      {lines.map((line) => (
        <Typography.Text key={line} style={{ fontSize: 13 }}>
          {line}
        </Typography.Text>
      ))}
      {m.data.note ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
          {m.data.note}
        </Typography.Text>
      ) : null}
      {m.documents.length > 0 ? (
        <Flex wrap gap={8}>
          {m.documents.map((d) => (
            <a key={d.id} href={measureDocumentUrl(m.id, d.id)} target="_blank" rel="noreferrer">
              <FileOutlined /> {d.fileName}
            </a>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}

/** A list of measures with their facts, documents and (for staff) edit and void. */
export function MeasureList({
  items,
  loading,
  canManage,
  onEdit,
}: {
  items: EnforcementMeasureView[];
  loading: boolean;
  canManage: boolean;
  onEdit: (m: EnforcementMeasureView) => void;
}) {
  const { t } = useLocale();
  const lines = useMeasureLines();
  const { token } = theme.useToken();
  const [voiding, setVoiding] = useState<EnforcementMeasureView | null>(null);
  return (
    <>
      {loading && items.length === 0 ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('penalties.noMeasures')} />
      ) : (
        <Flex vertical>
          {items.map((m, i) => (
            <Flex
              key={m.id}
              justify="space-between"
              align="flex-start"
              gap={8}
              wrap
              data-measure={m.kind}
              style={{
                padding: '12px 0',
                borderTop: i === 0 ? undefined : `1px solid ${token.colorSplit}`,
              }}
            >
              <MeasureItem m={m} lines={lines(m)} />
              {canManage && !m.voidedAt ? (
                <Flex gap={4}>
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => onEdit(m)}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<StopOutlined />}
                    onClick={() => setVoiding(m)}
                  >
                    {t('penalties.voidMeasure')}
                  </Button>
                </Flex>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
      {voiding ? <VoidModal m={voiding} onClose={() => setVoiding(null)} /> : null}
    </>
  );
}
