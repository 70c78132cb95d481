import { Alert, App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import {
  cancelPlanSchema,
  completePlanSchema,
  drawPlanSchema,
  type PlanDetail,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { cancelPlan, completePlan, drawPlan } from '../../../api/inspection-plans-api';
import { zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import { usePlanUpdates } from './plan-cache';
import '../../../i18n/messages-enforcement-plans';

type ModalProps = { plan: PlanDetail; open: boolean; onClose: () => void };

/** Shows server field errors under the one field of a small form; others go to `fail`. */
function useOneFieldForm(field: string) {
  const [form] = Form.useForm<Record<string, string>>();
  const place = (errors: readonly { path: string; message: string }[]) => {
    const mine = errors.filter((e) => e.path === field).map((e) => e.message);
    if (mine.length > 0) form.setFields([{ name: field, errors: mine }]);
    return mine.length > 0;
  };
  return { form, place };
}

/** Runs the 双随机 draw, with an optional seed of the user's own. */
export function DrawModal({ plan, open, onClose }: ModalProps) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const { apply, fail } = usePlanUpdates(plan.id);
  const { form, place } = useOneFieldForm('seed');
  const mutation = useMutation({
    mutationFn: async (values: { seed?: string }) => {
      const seed = values.seed?.trim() ? values.seed.trim() : null;
      const parsed = drawPlanSchema.safeParse({ version: plan.version, seed });
      if (!parsed.success) {
        place(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return drawPlan(plan.id, parsed.data);
    },
    onSuccess: async (drawn) => {
      if (!drawn) return;
      await apply(drawn);
      void message.success(t('plans.drawn', { seed: drawn.draw?.seed ?? '' }));
      onClose();
    },
    onError: (e) => {
      if (!(e instanceof ApiError && place(e.fields))) fail(e);
    },
  });
  return (
    <Modal
      open={open}
      title={t('plans.drawTitle')}
      okText={t('plans.drawOk')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('plans.drawIntro', { n: plan.enterpriseCount ?? 0, m: plan.inspectorsPerTarget })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item label={t('plans.seedOptional')} name="seed">
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Completes a plan; a note is required while targets are not inspected. */
export function CompleteModal({ plan, open, onClose }: ModalProps) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const { apply, fail } = usePlanUpdates(plan.id);
  const { form, place } = useOneFieldForm('note');
  const pending = plan.targets.filter((x) => x.status === 'pending').length;
  const mutation = useMutation({
    mutationFn: async (values: { note?: string }) => {
      const note = values.note?.trim() ? values.note.trim() : null;
      if (pending > 0 && !note) {
        form.setFields([{ name: 'note', errors: [t('plans.completeHint', { n: pending })] }]);
        return null;
      }
      const parsed = completePlanSchema.safeParse({ version: plan.version, note });
      if (!parsed.success) {
        place(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return completePlan(plan.id, parsed.data);
    },
    onSuccess: async (done) => {
      if (!done) return;
      await apply(done);
      void message.success(t('plans.completed'));
      onClose();
    },
    onError: (e) => {
      if (!(e instanceof ApiError && place(e.fields))) fail(e);
    },
  });
  return (
    <Modal
      open={open}
      title={t('plans.completeTitle')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {pending > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('plans.completeHint', { n: pending })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item label={t('plans.completionNote')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Cancels a plan with the reason. */
export function CancelModal({ plan, open, onClose }: ModalProps) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const { apply, fail } = usePlanUpdates(plan.id);
  const { form, place } = useOneFieldForm('reason');
  const mutation = useMutation({
    mutationFn: async (values: { reason?: string }) => {
      const parsed = cancelPlanSchema.safeParse({
        version: plan.version,
        reason: values.reason?.trim() ?? '',
      });
      if (!parsed.success) {
        place(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return cancelPlan(plan.id, parsed.data);
    },
    onSuccess: async (cancelled) => {
      if (!cancelled) return;
      await apply(cancelled);
      void message.success(t('plans.cancelled'));
      onClose();
    },
    onError: (e) => {
      if (!(e instanceof ApiError && place(e.fields))) fail(e);
    },
  });
  return (
    <Modal
      open={open}
      title={t('plans.cancelTitle')}
      okText={t('common.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item label={t('plans.cancelReason')} name="reason">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
