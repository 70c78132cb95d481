import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Radio,
  Select,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import {
  ErrorCode,
  HAZARD_CATEGORY_LABELS,
  HAZARD_CATEGORIES,
  HAZARD_LEVEL_LABELS,
  HAZARD_LEVELS,
  SECTOR_LABELS,
  SECTORS,
  TIP_ACTION_LABELS,
  TIP_LINK_TARGETS,
  TIP_REJECT_REASON_LABELS,
  TIP_REJECT_REASONS,
  TIP_VERIFICATION_RESULT_LABELS,
  TIP_VERIFICATION_RESULTS,
  TREATMENT_LABELS,
  TREATMENTS,
  type FieldError,
  type TipDetail,
  type TipRecordAction,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { newIdempotencyKey } from '../../../api/hazards-api';
import {
  actOnTip,
  getTipAssignees,
  getTipDuplicates,
  getTipLinkCandidates,
  tipKeys,
} from '../../../api/tips-api';
import { EnterpriseSelect } from '../../../components/EnterpriseSelect';
import { applyFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import { useDistricts } from '../../enterprises/use-districts';
import { CatalogItemSelect } from '../../hazards/CatalogItemSelect';
import { ACTION_FIELDS, actionFieldOf, toActionPayload, type ActionValues } from './tip-form';
import { applyTipDetail, useOfferTipReload } from './tip-cache';
import '../../../i18n/messages-tips';

type Props = {
  tip: TipDetail;
  action: TipRecordAction;
  open: boolean;
  onClose: () => void;
};

const LINK_TARGET_KEYS = {
  hazard: 'tips.link.hazard',
  inspection_record: 'tips.link.inspectionRecord',
  penalty_case: 'tips.link.penaltyCase',
} as const satisfies Record<(typeof TIP_LINK_TARGETS)[number], MessageKey>;

/**
 * The drawer of one workflow action: accept, reject (with the duplicate it repeats), assign (an
 * office or an inspector, with a due date within the legal limit), extend, verify (result and
 * summary, and a ledger hazard created or linked in the same step), close, classify, link.
 */
export function TipActionDrawer({ tip, action, open, onClose }: Props) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const offerReload = useOfferTipReload(tip.id);
  const [form] = Form.useForm<ActionValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [formError, setFormError] = useState<{ title: string; text?: string } | null>(null);
  const fields = ACTION_FIELDS[action];
  const actionLabel = label(TIP_ACTION_LABELS[action]);
  const rejectReason = Form.useWatch('rejectReason', form);
  const assignTo = Form.useWatch('assignTo', form) ?? 'user';
  const result = Form.useWatch('result', form);
  const hazardMode = Form.useWatch('hazardMode', form) ?? 'none';
  const catalogCode = Form.useWatch('catalogItemCode', form);
  const classifyEnterprise = Form.useWatch('enterpriseId', form);
  const target = Form.useWatch('target', form) ?? 'hazard';
  const districts = useDistricts(open && action === 'classify');

  const assignees = useQuery({
    queryKey: tipKeys.assignees(tip.id),
    queryFn: ({ signal }) => getTipAssignees(tip.id, signal),
    enabled: open && action === 'assign',
  });
  const candidates = useQuery({
    queryKey: tipKeys.linkCandidates(tip.id),
    queryFn: ({ signal }) => getTipLinkCandidates(tip.id, signal),
    enabled: open && (action === 'link' || action === 'verify'),
  });
  const duplicates = useQuery({
    queryKey: tipKeys.duplicates(tip.id),
    queryFn: ({ signal }) => getTipDuplicates(tip.id, signal),
    enabled: open && action === 'reject',
  });

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const mapped = errors.map((e) => ({ ...e, path: actionFieldOf(action, e.path) }));
    const unmatched = applyFieldErrors(form, mapped, fields);
    const text = unmatched.map((e) => e.message).join('；') || fallback;
    setFormError(text ? { title: text } : null);
  };

  const mutation = useMutation({
    mutationFn: async (values: ActionValues): Promise<TipDetail | null> => {
      const parsed = toActionPayload(action, values, t('common.invalidField'));
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return actOnTip(
        tip.id,
        action,
        { version: tip.version, payload: parsed.data },
        idempotencyKey,
      );
    },
    onSuccess: async (detail) => {
      if (!detail) return;
      void message.success(t('tips.action.done', { action: actionLabel }));
      onClose();
      await applyTipDetail(queryClient, detail);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError({ title: t('common.unexpectedError') });
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        setFormError({ title: e.message });
        offerReload(onClose);
        return;
      }
      if (e.code === ErrorCode.Conflict) {
        setFormError({ title: t('tips.action.refused'), text: e.fields[0]?.message ?? e.message });
        void queryClient.invalidateQueries({ queryKey: tipKeys.one(tip.id) });
        return;
      }
      showErrors(e.fields, e.message);
    },
  });

  const size = screens.md ? undefined : ('large' as const);
  const dueLimit =
    action === 'extend' ? tip.extensionLimit : (assignees.data?.dueDateLimit ?? tip.dueDateLimit);
  const hazardFields = (
    <>
      <Form.Item label={t('tips.hazard.level')} name="level" required>
        <Radio.Group
          options={HAZARD_LEVELS.map((l) => ({ value: l, label: label(HAZARD_LEVEL_LABELS[l]) }))}
        />
      </Form.Item>
      <Form.Item label={t('tips.hazard.title')} name="title" required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('tips.hazard.description')} name="description" required>
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item label={t('tips.field.place')} name="place">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('tips.hazard.category')} name="category">
        <Select
          allowClear
          options={HAZARD_CATEGORIES.map((c) => ({
            value: c,
            label: label(HAZARD_CATEGORY_LABELS[c]),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('tips.field.catalogItem')} name="catalogItemCode">
        <CatalogItemSelect enterpriseId={tip.enterpriseId} />
      </Form.Item>
      {catalogCode ? null : (
        <Form.Item label={t('tips.hazard.noCatalogReason')} name="noCatalogReason" required>
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Form.Item label={t('tips.hazard.treatment')} name="treatment" required>
        <Radio.Group
          options={TREATMENTS.map((x) => ({ value: x, label: label(TREATMENT_LABELS[x]) }))}
        />
      </Form.Item>
    </>
  );

  return (
    <Drawer
      open={open}
      title={actionLabel}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} size={size}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            danger={action === 'reject'}
            loading={mutation.isPending}
            onClick={() => form.submit()}
            size={size}
          >
            {t('tips.action.submit')}
          </Button>
        </Flex>
      }
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
      {action === 'verify' && !tip.enterpriseId ? (
        <InfoNote>{t('tips.action.noEnterpriseForHazard')}</InfoNote>
      ) : null}
      <Form<ActionValues>
        form={form}
        name={`tipAction_${action}`}
        layout="vertical"
        initialValues={{
          assignTo: 'user',
          dueDate:
            action === 'assign' && tip.dueDateLimit
              ? dayjs(tip.status === 'verifying' && tip.dueDate ? tip.dueDate : tip.dueDateLimit)
              : undefined,
          hazardMode: 'none',
          level: 'general',
          treatment: 'deadline',
          title: tip.subject,
          description: tip.description,
          place: tip.place ?? undefined,
          catalogItemCode: tip.catalogItemCode,
          enterpriseId: action === 'classify' ? tip.enterpriseId : undefined,
          districtId: action === 'classify' ? tip.districtId : undefined,
          sector: action === 'classify' ? tip.sector : undefined,
          target: 'hazard',
        }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        {fields.includes('rejectReason') ? (
          <Form.Item label={t('tips.action.rejectReason')} name="rejectReason" required>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={TIP_REJECT_REASONS.map((r) => ({
                value: r,
                label: label(TIP_REJECT_REASON_LABELS[r]),
              }))}
            />
          </Form.Item>
        ) : null}
        {fields.includes('duplicateOfTipId') && rejectReason === 'duplicate' ? (
          <Form.Item label={t('tips.action.duplicateOf')} name="duplicateOfTipId" required>
            <Select<number>
              loading={duplicates.isLoading}
              notFoundContent={t('tips.action.noDuplicateTips')}
              options={(duplicates.data?.tips ?? []).map((d) => ({
                value: d.id,
                label: `${d.number} ${d.subject}`,
              }))}
            />
          </Form.Item>
        ) : null}
        {fields.includes('assignTo') ? (
          <Form.Item label={t('tips.action.assignTo')} name="assignTo" required>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'user', label: t('tips.action.assignInspector') },
                { value: 'unit', label: t('tips.action.assignUnit') },
              ]}
            />
          </Form.Item>
        ) : null}
        {fields.includes('userId') && assignTo === 'user' ? (
          <Form.Item label={t('tips.action.inspector')} name="userId" required>
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              loading={assignees.isLoading}
              options={(assignees.data?.inspectors ?? []).map((u) => ({
                value: u.id,
                label: `${u.name}（${u.unitName}）`,
              }))}
            />
          </Form.Item>
        ) : null}
        {fields.includes('unitId') && assignTo === 'unit' ? (
          <Form.Item label={t('tips.action.unit')} name="unitId" required>
            <Select<number>
              loading={assignees.isLoading}
              options={(assignees.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        ) : null}
        {fields.includes('dueDate') ? (
          <Form.Item
            label={action === 'extend' ? t('tips.action.newDueDate') : t('tips.action.dueDate')}
            name="dueDate"
            required
            extra={dueLimit ? t('tips.action.dueLimit', { date: dueLimit }) : undefined}
          >
            <DatePicker
              style={{ width: '100%' }}
              size={size}
              inputReadOnly={!screens.md}
              disabledDate={(d) =>
                d.isBefore(dayjs(), 'day') ||
                (dueLimit !== null && d.isAfter(dayjs(dueLimit), 'day')) ||
                (action === 'extend' &&
                  tip.dueDate !== null &&
                  !d.isAfter(dayjs(tip.dueDate), 'day'))
              }
            />
          </Form.Item>
        ) : null}
        {fields.includes('result') ? (
          <Form.Item label={t('tips.action.result')} name="result" required>
            <Radio.Group
              options={TIP_VERIFICATION_RESULTS.map((r) => ({
                value: r,
                label: label(TIP_VERIFICATION_RESULT_LABELS[r]),
              }))}
            />
          </Form.Item>
        ) : null}
        {fields.includes('summary') ? (
          <Form.Item label={t('tips.action.summary')} name="summary" required>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        ) : null}
        {action === 'verify' && result !== 'not_true' && tip.hazard === null ? (
          <>
            <Form.Item label={t('tips.action.hazardMode')} name="hazardMode">
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                options={[
                  { value: 'none', label: t('tips.action.hazardNone') },
                  {
                    value: 'create',
                    label: t('tips.action.hazardCreate'),
                    disabled: !tip.enterpriseId,
                  },
                  {
                    value: 'link',
                    label: t('tips.action.hazardLink'),
                    disabled: !tip.enterpriseId,
                  },
                ]}
              />
            </Form.Item>
            {hazardMode === 'link' ? (
              <Form.Item label={t('tips.link.hazard')} name="linkHazardId" required>
                <Select<number>
                  loading={candidates.isLoading}
                  options={(candidates.data?.hazards ?? []).map((h) => ({
                    value: h.id,
                    label: h.label,
                  }))}
                />
              </Form.Item>
            ) : null}
            {hazardMode === 'create' ? hazardFields : null}
          </>
        ) : null}
        {action === 'create_hazard' ? hazardFields : null}
        {action === 'classify' ? (
          <>
            <Form.Item label={t('tips.field.enterprise')} name="enterpriseId">
              <EnterpriseSelect initialLabel={tip.enterpriseRegistryName} />
            </Form.Item>
            {classifyEnterprise ? (
              <Form.Item label={t('tips.field.catalogItem')} name="catalogItemCode">
                <CatalogItemSelect enterpriseId={classifyEnterprise} />
              </Form.Item>
            ) : (
              <>
                <Form.Item label={t('tips.field.district')} name="districtId" required>
                  <Select<number> options={districts.options} loading={districts.loading} />
                </Form.Item>
                <Form.Item label={t('tips.field.sector')} name="sector">
                  <Select
                    allowClear
                    options={SECTORS.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
                  />
                </Form.Item>
              </>
            )}
          </>
        ) : null}
        {action === 'link' ? (
          <>
            {!tip.enterpriseId ? <InfoNote>{t('tips.link.needEnterprise')}</InfoNote> : null}
            <Form.Item label={t('tips.link.target')} name="target" required>
              <Radio.Group
                optionType="button"
                options={TIP_LINK_TARGETS.map((x) => ({ value: x, label: t(LINK_TARGET_KEYS[x]) }))}
              />
            </Form.Item>
            <Form.Item label={t('tips.link.record')} name="targetId" required>
              <Select<number>
                loading={candidates.isLoading}
                notFoundContent={t('tips.link.none')}
                options={(target === 'hazard'
                  ? (candidates.data?.hazards ?? [])
                  : target === 'inspection_record'
                    ? (candidates.data?.inspectionRecords ?? [])
                    : (candidates.data?.penaltyCases ?? [])
                ).map((c) => ({ value: c.id, label: c.label }))}
              />
            </Form.Item>
          </>
        ) : null}
        {fields.includes('reason') ? (
          <Form.Item
            label={action === 'extend' ? t('tips.action.extendReason') : t('tips.action.reason')}
            name="reason"
            required
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
        {fields.includes('comment') ? (
          <Form.Item
            label={t('tips.action.comment')}
            name="comment"
            required={action === 'reject' && rejectReason !== 'duplicate'}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
