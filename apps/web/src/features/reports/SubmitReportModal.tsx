import { useState } from 'react';
import { Alert, App as AntApp, Form, Grid, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ErrorCode, submitReportSchema, type DispatchReportView } from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import {
  correctDispatchReport,
  submitDispatchReport,
  type ReportRefQuery,
  type SubmitReportBody,
} from '../../api/reports-api';
import { useSession } from '../../auth/session-context';
import { applyFieldErrors, zodFieldErrors } from '../../components/form-errors';
import { InfoNote } from '../../components/InfoNote';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-reports';

type Mode = 'submit' | 'correct';

type Props = {
  mode: Mode;
  report: ReportRefQuery;
  view: DispatchReportView;
  open: boolean;
  onClose: () => void;
  /** The view the server answered with (the new frozen version). */
  onDone: (view: DispatchReportView) => void;
};

type Values = { preparedBy: string; contactPhone: string; summary: string; reason: string };

const FIELDS = ['preparedBy', 'contactPhone', 'summary', 'reason'];

/**
 * 审核报送 and 更正: 填报人 (the signed-in user by default), phone, the written summary (required
 * for milestone reports) and, for a correction, its reason. Server field errors land under the
 * fields; a refusal (409, e.g. the enforcement figures changed since the confirmation) on top.
 */
export function SubmitReportModal({ mode, report, view, open, onClose, onDone }: Props) {
  const { t } = useLocale();
  const { me } = useSession();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<{ title: string; text?: string } | null>(null);
  const milestone = view.kind === 'milestone';
  const correcting = mode === 'correct';

  const showErrors = (errors: ApiError['fields'], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, FIELDS);
    const text = unmatched.map((e) => e.message).join('；') || fallback;
    setFormError(text ? { title: text } : null);
  };

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<DispatchReportView | null> => {
      const body: SubmitReportBody = {
        preparedBy: values.preparedBy?.trim() ?? '',
        contactPhone: values.contactPhone?.trim() || undefined,
        summary: values.summary?.trim() || undefined,
        reason: correcting ? values.reason?.trim() || undefined : undefined,
      };
      const parsed = submitReportSchema.safeParse(body);
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return correcting ? correctDispatchReport(report, body) : submitDispatchReport(report, body);
    },
    onSuccess: (next) => {
      if (!next) return;
      void message.success(correcting ? t('reports.corrected') : t('reports.submitted'));
      onDone(next);
      onClose();
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError({ title: t('common.unexpectedError') });
        return;
      }
      if (e.code === ErrorCode.Conflict) {
        setFormError({ title: t('reports.refused'), text: e.fields[0]?.message ?? e.message });
        return;
      }
      showErrors(e.fields, e.message);
    },
  });

  const size = screens.md ? undefined : ('large' as const);
  return (
    <Modal
      open={open}
      title={correcting ? t('reports.correct') : t('reports.submit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={correcting ? t('reports.correctOk') : t('reports.submitOk')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ size }}
      cancelButtonProps={{ size }}
      width={screens.md ? 640 : undefined}
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
      <InfoNote>{correcting ? t('reports.correctHint') : t('reports.submitHint')}</InfoNote>
      <Form<Values>
        form={form}
        name={`report_${mode}`}
        layout="vertical"
        initialValues={{
          preparedBy: view.preparedBy ?? me?.displayName ?? '',
          contactPhone: view.contactPhone ?? '',
          summary: view.summary ?? '',
          reason: '',
        }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item
          label={t('reports.preparedBy')}
          name="preparedBy"
          required
          rules={[{ required: true, whitespace: true, message: t('reports.preparedByRequired') }]}
        >
          <Input maxLength={40} size={size} autoComplete="name" />
        </Form.Item>
        <Form.Item label={t('reports.contactPhone')} name="contactPhone">
          <Input maxLength={20} size={size} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item
          label={milestone ? t('reports.summary') : t('reports.remarks')}
          name="summary"
          required={milestone}
          rules={
            milestone
              ? [{ required: true, whitespace: true, message: t('reports.summaryRequired') }]
              : []
          }
          extra={milestone ? t('reports.summaryHint') : undefined}
        >
          <Input.TextArea rows={milestone ? 8 : 3} maxLength={20_000} showCount={milestone} />
        </Form.Item>
        {correcting ? (
          <Form.Item
            label={t('reports.reason')}
            name="reason"
            required
            rules={[{ required: true, whitespace: true, message: t('reports.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
