import { useState } from 'react';
import { Alert, App as AntApp, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ErrorCode,
  SAFETY_AGENCY_KINDS,
  SAFETY_AGENCY_LABELS,
  type FieldError,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { updateSafetyStaffing, type EnterpriseDetail } from '../../../api/enterprises-api';
import { queryKeys } from '../../../api/query-keys';
import { applyFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import {
  STAFFING_FORM_FIELDS,
  toStaffingPayload,
  type StaffingFormValues,
} from '../enterprise-form';
import '../../../i18n/messages-enterprise';

/** The small "安全管理机构与人员" form: what an enterprise keeps up to date itself. */
export function SafetyStaffingModal({
  enterprise,
  open,
  onClose,
}: {
  enterprise: EnterpriseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StaffingFormValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, STAFFING_FORM_FIELDS);
    setFormError(unmatched.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: StaffingFormValues) => {
      const parsed = toStaffingPayload(v, enterprise.version, t('common.invalidField'));
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return updateSafetyStaffing(enterprise.id, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('common.saved'));
      queryClient.setQueryData(queryKeys.enterprise(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['enterprises', 'list'] });
      onClose();
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError(t('common.unexpectedError'));
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        setFormError(e.message);
        modal.confirm({
          title: t('common.staleTitle'),
          content: t('common.staleContent'),
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: async () => {
            await queryClient.invalidateQueries({
              queryKey: queryKeys.enterprise(enterprise.id),
              exact: true,
            });
            onClose();
          },
        });
        return;
      }
      showErrors(e.fields, e.message);
    },
  });

  return (
    <Modal
      open={open}
      title={t('enterprises.staffingTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('enterprises.staffingHint')}</Typography.Paragraph>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<StaffingFormValues>
        form={form}
        name="staffing"
        layout="vertical"
        initialValues={{
          employees: enterprise.employees,
          safetyAgency: enterprise.safetyAgency,
          safetyStaffCount: enterprise.safetyStaffCount,
        }}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        preserve={false}
      >
        <Form.Item label={t('enterprises.employees')} name="employees">
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('enterprises.safetyAgency')} name="safetyAgency">
          <Select
            allowClear
            options={SAFETY_AGENCY_KINDS.map((k) => ({
              value: k,
              label: label(SAFETY_AGENCY_LABELS[k]),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('enterprises.safetyStaffCount')} name="safetyStaffCount">
          <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
