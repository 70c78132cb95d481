import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Drawer, Flex, Form, Grid } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ErrorCode, type FieldError } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { applyFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import type { FormSpec, FormValues } from './record-forms';

export type RecordDrawerProps = {
  open: boolean;
  title: string;
  /** Form name (also the prefix of the fields' DOM ids). */
  name: string;
  spec: FormSpec;
  initialValues: FormValues;
  /** The version read (edits), or null for a new record. */
  version: number | null;
  /** Sends the validated body; resolves with what the server answered. */
  submit: (body: Record<string, unknown>) => Promise<unknown>;
  onSaved: (answer: unknown) => void | Promise<void>;
  /** 409 STALE_VERSION: someone changed the record meanwhile. */
  onStale: () => void;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A drawer with one record's form: validates with the domain schema, sends, places the server's
 * field errors under their fields and the rest above the form; full width on phones.
 */
export function RecordDrawer({
  open,
  title,
  name,
  spec,
  initialValues,
  version,
  submit,
  onSaved,
  onStale,
  onClose,
  children,
}: RecordDrawerProps) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, spec.fields);
    setFormError(unmatched.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (values: FormValues) => {
      const parsed = spec.toBody(values, version, t('common.invalidField'));
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return { sent: false as const };
      }
      return { sent: true as const, answer: await submit(parsed.data) };
    },
    onSuccess: async (r) => {
      if (!r.sent) return;
      void message.success(t('common.saved'));
      onClose();
      await onSaved(r.answer);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError(t('common.unexpectedError'));
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        setFormError(e.message);
        onStale();
        return;
      }
      showErrors(e.fields, e.fields.length ? undefined : e.message);
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={screens.md ? 600 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<FormValues>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        {children}
      </Form>
    </Drawer>
  );
}
