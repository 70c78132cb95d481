import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Row,
  Select,
} from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ErrorCode, type FieldError } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  addHazardSource,
  updateHazardSource,
  type HazardSourceView,
} from '../../../api/enterprises-api';
import { applyNestedFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import { LEVEL_KEYS, SOURCE_LEVELS } from '../enterprise-labels';
import {
  HAZARD_SOURCE_FORM_FIELDS,
  hazardSourceFormValues,
  RESPONSIBLE_ROLES,
  toHazardSourcePayload,
  type HazardSourceFormValues,
  type ResponsibleRole,
} from './hazard-source-form';

export const ROLE_KEYS: Record<ResponsibleRole, MessageKey> = {
  leader: 'sources.leader',
  technical: 'sources.technical',
  operations: 'sources.operations',
};

/** Adds or edits a major hazard source with its three 包保 responsible persons. */
export function HazardSourceFormDrawer({
  enterpriseId,
  source,
  open,
  onClose,
  onSaved,
  onStale,
}: {
  enterpriseId: number;
  /** Full data (edit) or null (new). */
  source: HazardSourceView | null;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: HazardSourceView) => void;
  onStale: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<HazardSourceFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const isEdit = source !== null;

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyNestedFieldErrors(form, errors, HAZARD_SOURCE_FORM_FIELDS);
    setFormError(unmatched.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (values: HazardSourceFormValues): Promise<HazardSourceView | null> => {
      const parsed = toHazardSourcePayload(
        values,
        source?.version ?? null,
        t('common.invalidField'),
      );
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      const body = parsed.data;
      const saved = source
        ? await updateHazardSource(enterpriseId, source.id, { ...body, version: source.version })
        : await addHazardSource(enterpriseId, body);
      // The server answers masked; keep the full phones just sent for the revealed view.
      return {
        ...saved,
        leader: body.leader,
        technical: body.technical,
        operations: body.operations,
      };
    },
    onSuccess: (saved) => {
      if (!saved) return;
      void message.success(t('sources.saved'));
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
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('sources.editTitle') : t('sources.addTitle')}
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
      {isEdit ? <InfoNote>{t('personal.editNote')}</InfoNote> : null}
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<HazardSourceFormValues>
        form={form}
        name="hazardSource"
        layout="vertical"
        initialValues={source ? hazardSourceFormValues(source) : {}}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item label={t('sources.name')} name="name" rules={[required(t('sources.name'))]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              label={t('sources.level')}
              name="level"
              rules={[
                {
                  required: true,
                  message: t('enterprises.selectRequired', { field: t('sources.level') }),
                },
              ]}
            >
              <Select
                options={SOURCE_LEVELS.map((l) => ({ value: l, label: t(LEVEL_KEYS[l]!) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('sources.substances')} name="substances">
          <Input.TextArea rows={2} maxLength={300} showCount />
        </Form.Item>
        <Flex vertical gap={12}>
          {RESPONSIBLE_ROLES.map((role) => {
            const roleName = t(ROLE_KEYS[role]);
            return (
              <Card key={role} size="small" title={`${t('sources.responsible')} · ${roleName}`}>
                <Row gutter={16}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      label={t('sources.personName', { role: roleName })}
                      name={[role, 'name']}
                      rules={[required(t('sources.personName', { role: roleName }))]}
                      style={{ marginBottom: screens.sm ? 0 : undefined }}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      label={t('sources.personPhone', { role: roleName })}
                      name={[role, 'phone']}
                      style={{ marginBottom: 0 }}
                    >
                      <Input inputMode="tel" maxLength={20} autoComplete="off" />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            );
          })}
        </Flex>
      </Form>
    </Drawer>
  );
}
