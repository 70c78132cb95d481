import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Grid, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  dailyPenalty,
  NO_PENALTY_RULE,
  PENALTY_CASE_ACTION_LABELS,
  PENALTY_CASE_ACTION_PAYLOADS,
  PENALTY_PARTY_KIND_LABELS,
  type PenaltyCaseAction,
  type PenaltyCaseDetail,
} from '@hazard-ledger/domain';
import { newIdempotencyKey } from '../../../api/hazards-api';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import { useCaseAction } from './case-cache';
import { formatYuan, useArticleLabel } from './labels';

/** The actions taken through this modal (the parties have their own editor). */
export type ModalAction = Exclude<PenaltyCaseAction, 'edit_parties'>;

type FieldKind = 'date' | 'optionalDate' | 'text' | 'textarea' | 'checkbox';
type Field = { name: string; kind: FieldKind; labelKey: MessageKey; required?: boolean };

const note = (required = false): Field => ({
  name: 'note',
  kind: 'textarea',
  labelKey: 'penalties.note',
  required,
});
const reason: Field = {
  name: 'reason',
  kind: 'textarea',
  labelKey: 'penalties.reason',
  required: true,
};
const date = (name: string, labelKey: MessageKey): Field => ({
  name,
  kind: 'date',
  labelKey,
  required: true,
});

/** The fields of each action, named as its payload names them. */
const FIELDS: Record<ModalAction, Field[]> = {
  record_evidence: [{ ...note(true), labelKey: 'penalties.evidence' }],
  end_investigation: [note()],
  notify: [
    date('notifiedOn', 'penalties.notifiedOn'),
    { name: 'documentNo', kind: 'text', labelKey: 'penalties.noticeNo' },
    note(),
  ],
  record_statement: [
    { ...note(true), labelKey: 'penalties.statement' },
    { name: 'hearing', kind: 'checkbox', labelKey: 'penalties.hearing' },
  ],
  decide: [date('decisionDate', 'penalties.decisionDate')],
  decide_no_penalty: [
    date('decidedOn', 'penalties.decisionDate'),
    { ...reason, labelKey: 'penalties.noPenaltyReason' },
    { name: 'decisionNo', kind: 'text', labelKey: 'penalties.noPenaltyNo' },
  ],
  publish: [
    date('publishedOn', 'penalties.publishedOnField'),
    { name: 'note', kind: 'text', labelKey: 'penalties.publishedWhere' },
  ],
  record_daily_penalty: [
    date('orderedOn', 'penalties.orderedOn'),
    { name: 'correctedOn', kind: 'optionalDate', labelKey: 'penalties.correctedOn' },
    note(),
  ],
  execute: [date('executedOn', 'penalties.executedOn'), note()],
  close: [date('closedOn', 'penalties.closedOn'), note()],
  withdraw: [reason],
  terminate: [reason],
};

type Values = Record<string, Dayjs | string | boolean | null | undefined>;

/** The payload of an action from the form's values (dates as YYYY-MM-DD, empty text as null). */
function toPayload(
  action: ModalAction,
  values: Values,
  c: PenaltyCaseDetail,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const f of FIELDS[action]) {
    const v = values[f.name];
    if (f.kind === 'date' || f.kind === 'optionalDate') {
      payload[f.name] = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : f.kind === 'date' ? '' : null;
    } else if (f.kind === 'checkbox') {
      payload[f.name] = v === true;
    } else {
      const text = typeof v === 'string' ? v.trim() : '';
      payload[f.name] = text === '' && !f.required ? null : text;
    }
  }
  if (action === 'decide') {
    payload.parties = c.parties.map(
      ({ kind, name, position, basis, circumstance, amountFen, decisionNo }) => ({
        kind,
        name,
        position,
        basis,
        circumstance,
        amountFen,
        decisionNo,
      }),
    );
    payload.leaderWaiverReason = c.leaderWaiverReason;
    const override =
      typeof values.noPenaltyOverrideReason === 'string'
        ? values.noPenaltyOverrideReason.trim()
        : '';
    payload.noPenaltyOverrideReason = override || null;
  }
  return payload;
}

/**
 * The form of one case action. The payload is checked with the action's schema
 * (PENALTY_CASE_ACTION_PAYLOADS) before sending; a refusal (409) shows the server's reason.
 */
export function CaseActionModal({
  c,
  action,
  open,
  onClose,
}: {
  c: PenaltyCaseDetail;
  action: ModalAction;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const articleLabel = useArticleLabel();
  const [form] = Form.useForm<Values>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [formError, setFormError] = useState<{ title: string; text?: string } | null>(null);
  const fields = FIELDS[action];
  const needsOverride = action === 'decide' && c.noPenalty?.applies === true;
  const known = [...fields.map((f) => f.name), 'noPenaltyOverrideReason'];
  const orderedOn = Form.useWatch('orderedOn', form) as Dayjs | undefined;
  const correctedOn = Form.useWatch('correctedOn', form) as Dayjs | null | undefined;

  const mutation = useCaseAction(c, action, idempotencyKey, {
    onDone: onClose,
    onError: (e) => {
      const rest = applyFieldErrors(form, e.fields, known);
      setFormError(
        e.text || rest.length === 0
          ? { title: e.title, text: e.text }
          : { title: rest.map((r) => r.message).join('；') },
      );
    },
  });

  const submit = (values: Values) => {
    setFormError(null);
    const payload = toPayload(action, values, c);
    const parsed = PENALTY_CASE_ACTION_PAYLOADS[action].safeParse(payload);
    if (!parsed.success) {
      const rest = applyFieldErrors(
        form,
        zodFieldErrors(parsed.error, t('common.invalidField')),
        known,
      );
      if (rest.length > 0) setFormError({ title: rest.map((r) => r.message).join('；') });
      return;
    }
    if (needsOverride && !(payload.noPenaltyOverrideReason as string | null)) {
      form.setFields([
        { name: 'noPenaltyOverrideReason', errors: [t('penalties.overrideRequired')] },
      ]);
      return;
    }
    mutation.mutate(payload);
  };

  const initial: Values = {};
  for (const f of fields) if (f.kind === 'date') initial[f.name] = dayjs().startOf('day');
  if (action === 'decide_no_penalty' && c.noPenalty?.applies) initial.reason = NO_PENALTY_RULE.zh;
  if (action === 'record_daily_penalty' && c.daily) {
    initial.orderedOn = dayjs(c.daily.orderedOn);
    initial.correctedOn = c.daily.correctedOn ? dayjs(c.daily.correctedOn) : null;
  }

  const dailyOf = (originalAmountFen: number) =>
    orderedOn
      ? dailyPenalty({
          originalAmountFen,
          orderedOn: orderedOn.format('YYYY-MM-DD'),
          correctedOn: correctedOn ? correctedOn.format('YYYY-MM-DD') : null,
          today: dayjs().format('YYYY-MM-DD'),
        })
      : null;
  const daily = action === 'record_daily_penalty' ? dailyOf(0) : null;
  const size = screens.md ? undefined : ('large' as const);

  return (
    <Modal
      open={open}
      title={label(PENALTY_CASE_ACTION_LABELS[action])}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('penalties.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ size, danger: action === 'withdraw' || action === 'terminate' }}
      cancelButtonProps={{ size }}
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
      {action === 'decide' ? (
        <InfoNote>
          <Typography.Text strong>{t('penalties.decideParties')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
            {c.parties.map((p) => (
              <li key={p.id}>
                {label(PENALTY_PARTY_KIND_LABELS[p.kind])} {p.name}：{articleLabel(p.basis)}，
                {formatYuan(p.amountFen)}，{p.decisionNo}
              </li>
            ))}
          </ul>
          {c.leaderWaiverReason ? (
            <div>
              {t('penalties.leaderWaiver')}：{c.leaderWaiverReason}
            </div>
          ) : null}
        </InfoNote>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name={`penalty-action-${action}`}
        initialValues={initial}
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
      >
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.kind === 'checkbox' ? undefined : t(f.labelKey)}
            valuePropName={f.kind === 'checkbox' ? 'checked' : undefined}
            rules={
              f.required
                ? [{ required: true, message: t('penalties.required', { field: t(f.labelKey) }) }]
                : undefined
            }
          >
            {f.kind === 'date' || f.kind === 'optionalDate' ? (
              <DatePicker
                style={{ width: '100%' }}
                inputReadOnly={!screens.md}
                allowClear={f.kind === 'optionalDate'}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            ) : f.kind === 'checkbox' ? (
              <Checkbox>{t(f.labelKey)}</Checkbox>
            ) : f.kind === 'text' ? (
              <Input maxLength={500} />
            ) : (
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
            )}
          </Form.Item>
        ))}
        {needsOverride ? (
          <>
            <InfoNote>
              {t('penalties.noPenaltyApplies')}：{NO_PENALTY_RULE.zh}
            </InfoNote>
            <Form.Item
              name="noPenaltyOverrideReason"
              label={t('penalties.overrideReason')}
              rules={[{ required: true, message: t('penalties.overrideRequired') }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
            </Form.Item>
          </>
        ) : null}
      </Form>
      {daily ? (
        <InfoNote>
          {daily.days > 0
            ? t('penalties.dailyPreview', {
                days: daily.days,
                from: daily.from ?? '',
                to: daily.to ?? '',
              })
            : t('penalties.dailyNone')}
          {c.parties
            .filter((p) => p.amountFen > 0)
            .map((p) => (
              <div key={p.id}>
                {p.name}：{formatYuan(p.amountFen)} × {daily.days} ={' '}
                {formatYuan(dailyOf(p.amountFen)?.totalFen ?? 0)}
              </div>
            ))}
        </InfoNote>
      ) : null}
    </Modal>
  );
}
