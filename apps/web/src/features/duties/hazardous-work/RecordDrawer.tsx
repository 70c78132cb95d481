import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Drawer, Flex, Form, Grid, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FieldError } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { hazardousWorkKeys, voidRecord, type VoidableKind } from '../../../api/hazardous-work-api';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-duty-work';

type DrawerProps<V, S extends z.ZodType> = {
  title: string;
  open: boolean;
  onClose: () => void;
  /** The domain schema the values must pass before they are sent (the server checks it again). */
  schema: S;
  /** Turns the form's values (dayjs dates, blanks) into the schema's input. */
  toInput: (values: V) => unknown;
  submit: (input: z.output<S>) => Promise<unknown>;
  /** Top-level field names, so that errors land under their field. */
  fields: readonly string[];
  initialValues?: Partial<V>;
  okText?: string;
  /** Called with the server's answer after a save (this part's queries are refreshed already). */
  onSaved?: (result: unknown) => void;
  /** Moves an error path onto the form field that shows it (e.g. endAt → window). */
  mapPath?: (path: string) => string;
  children: ReactNode;
};

/**
 * A drawer with the form of one record: checks the values with the domain schema, sends them,
 * shows field errors under their fields (and others on top), then refreshes this part's queries.
 * Full width on phones.
 */
export function RecordDrawer<V extends object, S extends z.ZodType>({
  title,
  open,
  onClose,
  schema,
  toInput,
  submit,
  fields,
  initialValues,
  okText,
  onSaved,
  mapPath,
  children,
}: DrawerProps<V, S>) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<V>();
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const mapped = mapPath ? errors.map((e) => ({ ...e, path: mapPath(e.path) })) : errors;
    const rest = applyFieldErrors(form, mapped, fields);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (values: V): Promise<{ result: unknown } | null> => {
      const parsed = schema.safeParse(toInput(values));
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return { result: await submit(parsed.data) };
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('hw.saved'));
      await queryClient.invalidateQueries({ queryKey: hazardousWorkKeys.all });
      onClose();
      onSaved?.(saved.result);
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
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
            {okText ?? t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<V>
        form={form}
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

/** Voids a record entered by mistake, asking for the reason. */
export function VoidButton({ kind, id }: { kind: VoidableKind; id: number }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () => voidRecord(kind, id, reason.trim()),
    onSuccess: async () => {
      void message.success(t('hw.voided'));
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: hazardousWorkKeys.all });
    },
  });
  return (
    <>
      <Button size="small" type="link" danger onClick={() => setOpen(true)}>
        {t('hw.void')}
      </Button>
      <Modal
        open={open}
        title={t('hw.voidTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => mutation.mutate()}
        okText={t('hw.void')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        {mutation.error ? (
          <Alert
            type="error"
            showIcon
            title={
              mutation.error instanceof ApiError
                ? mutation.error.message
                : t('common.unexpectedError')
            }
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <label htmlFor={`void-${kind}-${id}`}>{t('hw.voidReason')}</label>
        <Input.TextArea
          id={`void-${kind}-${id}`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
      </Modal>
    </>
  );
}
