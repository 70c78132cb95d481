import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  amendRewardSchema,
  approveRewardSchema,
  payRewardSchema,
  proposeRewardSchema,
  rejectRewardSchema,
  REWARD_ACTION_LABELS,
  REWARD_FINDING_LABELS,
  REWARD_PAYMENT_METHOD_LABELS,
  REWARD_PAYMENT_METHODS,
  TIP_CHANNEL_LABELS,
  type FieldError,
  type RewardAction,
  type RewardCase,
  type RewardPaymentMethod,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  getReward,
  informantKeys,
  listEligibleTips,
  proposeReward,
  rewardStep,
} from '../../../api/informants-api';
import { newIdempotencyKey } from '../../../api/hazards-api';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { FindingTag, RewardStatusTag, yuan } from './labels';
import '../../../i18n/messages-tips-informants';

function useFormErrors<T>(form: ReturnType<typeof Form.useForm<T>>[0], fields: readonly string[]) {
  const [formError, setFormError] = useState<string | null>(null);
  const show = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, fields);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };
  return { formError, setFormError, show };
}

function DrawerFooter({
  onClose,
  onOk,
  okText,
  loading,
  danger,
  disabled,
}: {
  onClose: () => void;
  onOk: () => void;
  okText: string;
  loading: boolean;
  danger?: boolean;
  disabled?: boolean;
}) {
  const { t } = useLocale();
  return (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" danger={danger} loading={loading} disabled={disabled} onClick={onOk}>
        {okText}
      </Button>
    </Flex>
  );
}

type ProposeValues = { tipId?: number; amountYuan?: string; reason?: string };

/** Proposing a reward: pick a verified tip, see the rules' amount, optionally another one. */
export function ProposeRewardDrawer({ onClose }: { onClose: () => void }) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<ProposeValues>();
  const { formError, setFormError, show } = useFormErrors(form, ['tipId', 'amountYuan', 'reason']);
  const eligible = useQuery({
    queryKey: informantKeys.eligibleTips,
    queryFn: ({ signal }) => listEligibleTips(signal),
  });
  const tipId = Form.useWatch('tipId', form);
  const tip = eligible.data?.items.find((i) => i.id === tipId);

  const mutation = useMutation({
    mutationFn: async (v: ProposeValues) => {
      const parsed = proposeRewardSchema.safeParse({
        tipId: v.tipId,
        amountYuan: v.amountYuan?.trim() || null,
        reason: v.reason?.trim() || null,
      });
      if (!parsed.success) {
        show(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return proposeReward(parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('reward.proposed'));
      await queryClient.invalidateQueries({ queryKey: informantKeys.rewards });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) show(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('reward.proposeTitle')}
      size={screens.md ? 600 : '100%'}
      destroyOnHidden
      footer={
        <DrawerFooter
          onClose={onClose}
          onOk={() => form.submit()}
          okText={t('reward.propose')}
          loading={mutation.isPending}
        />
      }
    >
      <InfoNote>
        {eligible.data ? t('reward.rules', { name: eligible.data.rulesName }) : null}
        <br />
        {t('reward.rulesNote')}
      </InfoNote>
      <ErrorAlert error={eligible.error} />
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<ProposeValues>
        form={form}
        name="propose-reward"
        layout="vertical"
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item
          label={t('reward.tip')}
          name="tipId"
          rules={[{ required: true, message: t('inf.select', { field: t('reward.tip') }) }]}
          extra={t('reward.tipHint')}
        >
          <Select<number>
            loading={eligible.isLoading}
            notFoundContent={t('reward.noEligible')}
            showSearch={{ optionFilterProp: 'label' }}
            options={(eligible.data?.items ?? []).map((i) => ({
              value: i.id,
              label: `${i.number} · ${i.enterpriseName ?? '—'} · ${i.subject}`,
            }))}
          />
        </Form.Item>
        {tip ? (
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('reward.finding')}>
              <FindingTag finding={tip.finding} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reward.fine')}>
              {yuan(tip.fineFen)}
              {tip.finding === 'violation' && !tip.penaltyDecided ? (
                <Typography.Text type="secondary">
                  {' '}
                  （{t('reward.penaltyPending')}）
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('reward.computed')}>
              <Typography.Text strong>{yuan(tip.computedFen)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('reward.tip')}>
              {label(TIP_CHANNEL_LABELS[tip.channel])} · {tip.districtName}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
        <Form.Item label={t('reward.otherAmount')} name="amountYuan">
          <Input inputMode="decimal" maxLength={15} prefix="¥" />
        </Form.Item>
        <Form.Item label={t('reward.reason')} name="reason" extra={t('reward.reasonHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

type StepValues = {
  amountYuan?: string;
  reason?: string;
  note?: string;
  paidOn?: Dayjs | null;
  method?: RewardPaymentMethod;
  voucherNo?: string;
};

const STEP_TITLES: Record<
  RewardAction,
  'reward.amendTitle' | 'reward.approveTitle' | 'reward.payTitle' | 'reward.rejectTitle'
> = {
  amend: 'reward.amendTitle',
  approve: 'reward.approveTitle',
  pay: 'reward.payTitle',
  reject: 'reward.rejectTitle',
};

/** One workflow step on a case: amend, approve, pay or reject, each with its own fields. */
export function RewardStepDrawer({
  reward,
  action,
  onClose,
}: {
  reward: RewardCase;
  action: RewardAction;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<StepValues>();
  // One key per opened form: a double submit or a retry after a lost answer changes nothing.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const { formError, setFormError, show } = useFormErrors(form, [
    'amountYuan',
    'reason',
    'note',
    'paidOn',
    'method',
    'voucherNo',
  ]);

  const mutation = useMutation({
    mutationFn: async (v: StepValues) => {
      const version = reward.version;
      const parsed =
        action === 'amend'
          ? amendRewardSchema.safeParse({
              amountYuan: v.amountYuan?.trim() ?? '',
              reason: v.reason?.trim() ?? '',
              version,
            })
          : action === 'approve'
            ? approveRewardSchema.safeParse({ note: v.note?.trim() || null, version })
            : action === 'pay'
              ? payRewardSchema.safeParse({
                  paidOn: v.paidOn ? v.paidOn.format('YYYY-MM-DD') : '',
                  method: v.method,
                  voucherNo: v.voucherNo?.trim() ?? '',
                  note: v.note?.trim() || null,
                  version,
                })
              : rejectRewardSchema.safeParse({ reason: v.reason?.trim() ?? '', version });
      if (!parsed.success) {
        show(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return rewardStep(reward.id, action, parsed.data, idempotencyKey);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('reward.done'));
      await queryClient.invalidateQueries({ queryKey: informantKeys.rewards });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) show(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('inf.required', { field }),
  });

  return (
    <Drawer
      open
      onClose={onClose}
      title={`${t(STEP_TITLES[action])} · ${reward.tipNumber}`}
      size={screens.md ? 520 : '100%'}
      destroyOnHidden
      footer={
        <DrawerFooter
          onClose={onClose}
          onOk={() => form.submit()}
          okText={label(REWARD_ACTION_LABELS[action])}
          loading={mutation.isPending}
          danger={action === 'reject'}
        />
      }
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('reward.finding')}>
          {label(REWARD_FINDING_LABELS[reward.finding])}
        </Descriptions.Item>
        <Descriptions.Item label={t('reward.amount')}>
          {yuan(reward.amountFen)}
          {reward.amountFen !== reward.computedFen ? (
            <Typography.Text type="secondary">
              {' '}
              （{t('reward.computed')} {yuan(reward.computedFen)}）
            </Typography.Text>
          ) : null}
        </Descriptions.Item>
        {reward.amountReason ? (
          <Descriptions.Item label={t('reward.reason')}>{reward.amountReason}</Descriptions.Item>
        ) : null}
      </Descriptions>
      {action === 'approve' ? <InfoNote>{t('reward.approveHint')}</InfoNote> : null}
      {action === 'pay' ? <InfoNote>{t('reward.payHint')}</InfoNote> : null}
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<StepValues>
        form={form}
        name={`reward-${action}`}
        layout="vertical"
        initialValues={{
          amountYuan: (reward.amountFen / 100).toFixed(2),
          paidOn: dayjs(),
          method: 'bank_transfer',
        }}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        onValuesChange={() => setFormError(null)}
      >
        {action === 'amend' ? (
          <>
            <Form.Item
              label={t('reward.amount')}
              name="amountYuan"
              rules={[required(t('reward.amount'))]}
            >
              <Input inputMode="decimal" maxLength={15} prefix="¥" />
            </Form.Item>
            <Form.Item
              label={t('reward.reason')}
              name="reason"
              rules={[required(t('reward.reason'))]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
            </Form.Item>
          </>
        ) : null}
        {action === 'reject' ? (
          <Form.Item
            label={t('reward.rejectReason')}
            name="reason"
            rules={[required(t('reward.rejectReason'))]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </Form.Item>
        ) : null}
        {action === 'pay' ? (
          <>
            <Flex gap={12} wrap>
              <Form.Item
                label={t('reward.paidOn')}
                name="paidOn"
                rules={[
                  { required: true, message: t('inf.select', { field: t('reward.paidOn') }) },
                ]}
                style={{ flex: 1, minWidth: 160 }}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  inputReadOnly={!screens.md}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
              <Form.Item
                label={t('reward.method')}
                name="method"
                rules={[
                  { required: true, message: t('inf.select', { field: t('reward.method') }) },
                ]}
                style={{ flex: 1, minWidth: 160 }}
              >
                <Select
                  options={REWARD_PAYMENT_METHODS.map((m) => ({
                    value: m,
                    label: label(REWARD_PAYMENT_METHOD_LABELS[m]),
                  }))}
                />
              </Form.Item>
            </Flex>
            <Form.Item
              label={t('reward.voucherNo')}
              name="voucherNo"
              rules={[required(t('reward.voucherNo'))]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </>
        ) : null}
        {action === 'approve' || action === 'pay' ? (
          <Form.Item label={t('reward.approveNote')} name="note">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}

/** A reward case with its history. */
export function RewardDetailDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const reward = useQuery({
    queryKey: informantKeys.reward(id),
    queryFn: ({ signal }) => getReward(id, signal),
  });
  const r = reward.data;
  return (
    <Drawer
      open
      onClose={onClose}
      title={r ? t('reward.detailTitle', { number: r.tipNumber }) : ''}
      size={screens.md ? 600 : '100%'}
      destroyOnHidden
    >
      <ErrorAlert error={reward.error} />
      {r ? (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('reward.status')}>
              <RewardStatusTag status={r.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reward.tip')}>
              {r.tipNumber} · {label(TIP_CHANNEL_LABELS[r.tipChannel])}
              {r.informantCode ? ` · ${t('reward.informant', { code: r.informantCode })}` : ''}
              <br />
              {r.enterpriseName ?? '—'} · {r.tipSubject}
            </Descriptions.Item>
            <Descriptions.Item label={t('reward.finding')}>
              <FindingTag finding={r.finding} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reward.fine')}>{yuan(r.fineFen)}</Descriptions.Item>
            <Descriptions.Item label={t('reward.computed')}>
              {yuan(r.computedFen)}
              <Typography.Text type="secondary"> （{r.rulesName}）</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('reward.amount')}>
              <Typography.Text strong>{yuan(r.amountFen)}</Typography.Text>
              {r.amountReason ? ` · ${r.amountReason}` : ''}
            </Descriptions.Item>
            {r.paidOn ? (
              <Descriptions.Item label={t('reward.payment')}>
                {r.paidOn} ·{' '}
                {r.paymentMethod ? label(REWARD_PAYMENT_METHOD_LABELS[r.paymentMethod]) : ''} ·{' '}
                {r.voucherNo}
              </Descriptions.Item>
            ) : null}
            {r.rejectReason ? (
              <Descriptions.Item label={t('reward.rejectReason')}>
                {r.rejectReason}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('reward.history')}</Typography.Title>
            <Timeline
              items={r.events.map((e) => ({
                key: `${e.at}-${e.action}`,
                content: (
                  <Flex vertical gap={2}>
                    <Typography.Text>
                      {label(REWARD_ACTION_LABELS[e.action as RewardAction]) ||
                        (e.action === 'propose' ? t('reward.propose') : e.action)}{' '}
                      · {e.actorName ?? '—'}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(e.at)}
                    </Typography.Text>
                    {e.note ? <Typography.Text>{e.note}</Typography.Text> : null}
                  </Flex>
                ),
              }))}
            />
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
