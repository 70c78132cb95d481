import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  amountWarning,
  checkPenaltyDecision,
  PENALTY_ARTICLE_KEYS,
  PENALTY_CASE_ACTION_PAYLOADS,
  PENALTY_CIRCUMSTANCE_LABELS,
  PENALTY_CIRCUMSTANCES,
  PENALTY_PARTY_KIND_LABELS,
  PENALTY_PARTY_KINDS,
  yuanToFen,
  fenToYuan,
  type PenaltyArticleKey,
  type PenaltyCaseDetail,
  type PenaltyCircumstance,
  type PenaltyParty,
  type PenaltyPartyKind,
} from '@hazard-ledger/domain';
import { newIdempotencyKey } from '../../../api/hazards-api';
import { applyNestedFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { useCaseAction } from './case-cache';
import { useArticleLabel } from './labels';

type PartyValues = {
  kind?: PenaltyPartyKind;
  name?: string;
  position?: string;
  basis?: PenaltyArticleKey;
  circumstance?: PenaltyCircumstance;
  amountYuan?: number | null;
  decisionNo?: string;
};
type Values = { parties?: PartyValues[]; leaderWaiverReason?: string };

const KNOWN = [
  'parties.*.kind',
  'parties.*.name',
  'parties.*.position',
  'parties.*.basis',
  'parties.*.circumstance',
  'parties.*.amountYuan',
  'parties.*.decisionNo',
  'parties',
  'leaderWaiverReason',
];

const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** A party as the domain rules take it, from one row of the form. */
function toParty(p: PartyValues): PenaltyParty {
  return {
    kind: p.kind ?? 'enterprise',
    name: p.name?.trim() ?? '',
    position: text(p.position),
    basis: p.basis ?? 'aqsf_102',
    circumstance: p.circumstance ?? 'standard',
    amountFen: typeof p.amountYuan === 'number' ? yuanToFen(p.amountYuan.toFixed(2)) : 0,
    decisionNo: text(p.decisionNo),
  };
}

/**
 * 编辑处罚对象: the enterprise and, for 一案双罚, its main leader and other responsible persons —
 * each with basis, amount (yuan) and decision number. Amount warnings and what the decision will
 * still need (一案双罚, decision numbers) are shown live from the domain rules.
 */
export function PartiesModal({
  c,
  open,
  onClose,
}: {
  c: PenaltyCaseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const articleLabel = useArticleLabel();
  const [form] = Form.useForm<Values>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [formError, setFormError] = useState<{ title: string; text?: string } | null>(null);
  const watched = Form.useWatch([], form) as Values | undefined;
  const parties = (watched?.parties ?? []).map(toParty);
  const hasLeader = parties.some((p) => p.kind === 'main_leader');
  // The reason for not penalising the leader only counts while no leader is a party.
  const check = checkPenaltyDecision({
    parties,
    majorHazard: c.majorHazard,
    leaderWaiverReason: hasLeader ? null : text(watched?.leaderWaiverReason),
  });

  const mutation = useCaseAction(c, 'edit_parties', idempotencyKey, {
    onDone: onClose,
    onError: (e) => {
      const fields = e.fields.map((f) => ({
        ...f,
        path: f.path.replace(/amountFen$/, 'amountYuan'),
      }));
      const rest = applyNestedFieldErrors(form, fields, KNOWN);
      setFormError(
        e.text
          ? { title: e.title, text: e.text }
          : { title: rest.map((r) => r.message).join('；') || e.title },
      );
    },
  });

  const submit = (values: Values) => {
    setFormError(null);
    const list = (values.parties ?? []).map(toParty);
    const payload = {
      parties: list,
      leaderWaiverReason: list.some((p) => p.kind === 'main_leader')
        ? null
        : text(values.leaderWaiverReason),
    };
    const parsed = PENALTY_CASE_ACTION_PAYLOADS.edit_parties.safeParse(payload);
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error, t('common.invalidField')).map((f) => ({
        ...f,
        path: f.path.replace(/amountFen$/, 'amountYuan'),
      }));
      const rest = applyNestedFieldErrors(form, errors, KNOWN);
      if (rest.length > 0) setFormError({ title: rest.map((r) => r.message).join('；') });
      return;
    }
    mutation.mutate(payload);
  };

  const add = (kind: PenaltyPartyKind) => {
    const list = (form.getFieldValue('parties') as PartyValues[] | undefined) ?? [];
    const row: PartyValues =
      kind === 'enterprise'
        ? { kind, name: c.enterpriseName, basis: 'aqsf_102', circumstance: 'standard' }
        : kind === 'main_leader'
          ? {
              kind,
              name: c.mainLeaderName ?? '',
              position: '主要负责人',
              basis: 'aqsf_94',
              circumstance: 'standard',
            }
          : { kind, name: '', basis: 'aqsf_102', circumstance: 'overdue' };
    form.setFieldValue('parties', [...list, row]);
  };

  const initialValues: Values = {
    parties: c.parties.map((p) => ({
      kind: p.kind,
      name: p.name,
      position: p.position ?? undefined,
      basis: p.basis,
      circumstance: p.circumstance,
      amountYuan: Number(fenToYuan(p.amountFen)),
      decisionNo: p.decisionNo ?? undefined,
    })),
    leaderWaiverReason: c.leaderWaiverReason ?? undefined,
  };

  return (
    <Modal
      open={open}
      title={t('penalties.editParties')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      width={screens.md ? 860 : '100%'}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {formError ? (
        <Alert
          type="error"
          showIcon
          title={formError.title}
          description={formError.text}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {c.majorHazard?.persists ? (
        <InfoNote>{t('penalties.doublePenaltyRule', { leader: c.mainLeaderName ?? '—' })}</InfoNote>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="penalty-parties"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
      >
        <Form.List name="parties">
          {(rows, { remove }) => (
            <Flex vertical gap={12} style={{ marginBottom: 12 }}>
              {rows.map((row, index) => {
                const party = parties[index];
                const warning = party && party.name ? amountWarning(party) : null;
                return (
                  <Card
                    key={row.key}
                    size="small"
                    title={
                      party ? label(PENALTY_PARTY_KIND_LABELS[party.kind]) : t('penalties.party')
                    }
                    extra={
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('penalties.removeParty')}
                        onClick={() => remove(row.name)}
                      />
                    }
                  >
                    <Flex wrap gap={12}>
                      <Form.Item
                        name={[row.name, 'kind']}
                        label={t('penalties.partyKind')}
                        style={{ minWidth: 160, flex: 1 }}
                      >
                        <Select
                          options={PENALTY_PARTY_KINDS.map((k) => ({
                            value: k,
                            label: label(PENALTY_PARTY_KIND_LABELS[k]),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[row.name, 'name']}
                        label={t('penalties.partyName')}
                        style={{ minWidth: 200, flex: 2 }}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                      {party && party.kind !== 'enterprise' ? (
                        <Form.Item
                          name={[row.name, 'position']}
                          label={t('penalties.position')}
                          style={{ minWidth: 140, flex: 1 }}
                        >
                          <Input maxLength={50} />
                        </Form.Item>
                      ) : null}
                    </Flex>
                    <Flex wrap gap={12}>
                      <Form.Item
                        name={[row.name, 'basis']}
                        label={t('penalties.basis')}
                        style={{ minWidth: 260, flex: 3 }}
                      >
                        <Select
                          options={PENALTY_ARTICLE_KEYS.map((k) => ({
                            value: k,
                            label: articleLabel(k),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[row.name, 'circumstance']}
                        label={t('penalties.circumstance')}
                        style={{ minWidth: 160, flex: 1 }}
                      >
                        <Select
                          options={PENALTY_CIRCUMSTANCES.map((k) => ({
                            value: k,
                            label: label(PENALTY_CIRCUMSTANCE_LABELS[k]),
                          }))}
                        />
                      </Form.Item>
                    </Flex>
                    <Flex wrap gap={12}>
                      <Form.Item
                        name={[row.name, 'amountYuan']}
                        label={t('penalties.amountYuan')}
                        style={{ minWidth: 160, flex: 1 }}
                      >
                        <InputNumber min={0} precision={2} step={1000} style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item
                        name={[row.name, 'decisionNo']}
                        label={t('penalties.decisionNo')}
                        style={{ minWidth: 200, flex: 2 }}
                      >
                        <Input maxLength={60} placeholder={t('penalties.decisionNoPlaceholder')} />
                      </Form.Item>
                    </Flex>
                    {warning ? (
                      <Typography.Text type="warning" role="status">
                        {label(warning)}
                      </Typography.Text>
                    ) : null}
                  </Card>
                );
              })}
            </Flex>
          )}
        </Form.List>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Button icon={<PlusOutlined />} onClick={() => add('enterprise')}>
            {t('penalties.addEnterprise')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => add('main_leader')} disabled={hasLeader}>
            {t('penalties.addLeader')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => add('other_responsible')}>
            {t('penalties.addOther')}
          </Button>
        </Flex>
        {c.majorHazard?.persists && !hasLeader ? (
          <Form.Item
            name="leaderWaiverReason"
            label={t('penalties.leaderWaiver')}
            extra={t('penalties.leaderWaiverHint')}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
      </Form>
      {check.errors.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('penalties.beforeDecision')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {check.errors.map((e) => (
                <li key={e.zh}>{label(e)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Modal>
  );
}
