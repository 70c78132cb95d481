import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Form, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FieldError } from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { staffKeys } from '../../api/staff-api';
import { applyFieldErrors, zodFieldErrors } from '../../components/form-errors';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-staff';

type Props<V, S extends z.ZodType> = {
  title: string;
  onClose: () => void;
  /** The domain schema the values must pass before they are sent (the server checks again). */
  schema: S;
  /** Turns the form's values (blanks, strings) into the schema's input. */
  toInput: (values: V) => unknown;
  submit: (input: z.output<S>) => Promise<unknown>;
  /** Top-level field names, so that errors land under their field. */
  fields: readonly string[];
  initialValues?: Partial<V>;
  okText?: string;
  children: ReactNode;
};

/**
 * A modal form for this part: checks the values with the domain schema, sends them, puts field
 * errors (the server's Chinese messages included) under their fields, refreshes the part's
 * queries. Rendered only while open, so each opening starts from `initialValues`.
 */
export function FormModal<V extends object, S extends z.ZodType>({
  title,
  onClose,
  schema,
  toInput,
  submit,
  fields,
  initialValues,
  okText,
  children,
}: Props<V, S>) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>();
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, fields);
    setFormError(
      rest.map((e) => e.message).join('；') || (errors.length ? null : fallback) || null,
    );
  };

  const mutation = useMutation({
    mutationFn: async (values: V): Promise<boolean> => {
      setFormError(null);
      const parsed = schema.safeParse(toInput(values));
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return false;
      }
      await submit(parsed.data);
      return true;
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('staff.saved'));
      await queryClient.invalidateQueries({ queryKey: staffKeys.all });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(String(e));
    },
  });

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      width={640}
    >
      {formError ? (
        <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => mutation.mutate(values)}
      >
        {children}
      </Form>
    </Modal>
  );
}

/** '' → null, for optional text and date inputs. */
export const blankToNull = (v: unknown): unknown =>
  v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v;

/** A number input's value, or undefined when blank (so the schema reports it). */
export const numberOrUndefined = (v: unknown): number | undefined =>
  v === undefined || v === null || v === '' ? undefined : Number(v);
