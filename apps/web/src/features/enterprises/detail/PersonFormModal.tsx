import { useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import {
  ErrorCode,
  PERSON_KIND_LABELS,
  PERSON_KINDS,
  type FieldError,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { addPerson, updatePerson, type PersonView } from '../../../api/enterprises-api';
import { applyFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import {
  PERSON_FORM_FIELDS,
  personFormValues,
  toPersonPayload,
  type PersonFormValues,
} from './person-form';
import '../../../i18n/messages-enterprise';

/**
 * Adds or edits a person of an enterprise. `person` (edit) carries the full phone and ID number,
 * so the form never sends masked values back.
 */
export function PersonFormModal({
  enterpriseId,
  person,
  open,
  onClose,
  onSaved,
  onStale,
}: {
  enterpriseId: number;
  person: PersonView | null;
  open: boolean;
  onClose: () => void;
  /** The saved person with the full values sent (the server answers masked). */
  onSaved: (saved: PersonView) => void;
  /** The record changed meanwhile: the caller reloads its list. */
  onStale: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const kind = Form.useWatch('kind', form);
  const [formError, setFormError] = useState<string | null>(null);
  const isEdit = person !== null;

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, PERSON_FORM_FIELDS);
    setFormError(unmatched.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (values: PersonFormValues): Promise<PersonView | null> => {
      const parsed = toPersonPayload(values, person?.version ?? null, t('common.invalidField'));
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      const body = parsed.data;
      const saved = person
        ? await updatePerson(enterpriseId, person.id, { ...body, version: person.version })
        : await addPerson(enterpriseId, body);
      return { ...saved, phone: body.phone, idNumber: body.idNumber };
    },
    onSuccess: (saved) => {
      if (!saved) return;
      void message.success(t('people.saved'));
      onSaved(saved);
      onClose();
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
      showErrors(e.fields, e.message);
    },
  });

  const required = (field: string) => ({
    required: true,
    message: t('enterprises.required', { field }),
  });

  return (
    <Modal
      open={open}
      title={isEdit ? t('people.editTitle') : t('people.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {isEdit ? <InfoNote>{t('personal.editNote')}</InfoNote> : null}
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<PersonFormValues>
        form={form}
        name="person"
        layout="vertical"
        initialValues={person ? personFormValues(person) : { kind: 'safety_manager' }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
        preserve={false}
      >
        <Form.Item label={t('people.kind')} name="kind" rules={[required(t('people.kind'))]}>
          <Select
            options={PERSON_KINDS.map((k) => ({ value: k, label: label(PERSON_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item label={t('people.name')} name="name" rules={[required(t('people.name'))]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t('people.position')} name="position">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t('people.phone')} name="phone">
          <Input inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('people.idNumber')}
          name="idNumber"
          normalize={(v: string | undefined) => v?.toUpperCase()}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('people.assessed')} name="assessed">
          <Select
            allowClear
            placeholder={t('people.assessedUnknown')}
            options={[
              { value: 'yes', label: t('people.assessedYes') },
              { value: 'no', label: t('people.assessedNo') },
            ]}
          />
        </Form.Item>
        {kind === 'expert' ? (
          <Form.Item label={t('people.specialty')} name="specialty">
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
