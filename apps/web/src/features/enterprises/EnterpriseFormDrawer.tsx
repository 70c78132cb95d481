import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  creditCodeSchema,
  ENTERPRISE_STATUS_LABELS,
  ENTERPRISE_STATUSES,
  ENTERPRISE_TAG_LABELS,
  ENTERPRISE_TAGS,
  ErrorCode,
  SAFETY_AGENCY_KINDS,
  SAFETY_AGENCY_LABELS,
  SECTOR_LABELS,
  SECTORS,
  SUB_TYPES,
  type FieldError,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import {
  createEnterprise,
  getEnterprise,
  updateEnterprise,
  type EnterpriseDetail,
} from '../../api/enterprises-api';
import { queryKeys } from '../../api/query-keys';
import { useSession } from '../../auth/session-context';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import { applyNestedFieldErrors } from '../../components/form-errors';
import {
  ENTERPRISE_FORM_FIELDS,
  formValuesOf,
  newFormValues,
  toCreatePayload,
  toUpdatePayload,
  type EnterpriseFormValues,
} from './enterprise-form';
import { subTypeLabel } from './enterprise-labels';
import { useDistricts } from './use-districts';

const MAX_LICENCES = 20;

type Props = {
  open: boolean;
  /** The enterprise being edited; null for a new one. */
  enterprise: EnterpriseDetail | null;
  onClose: () => void;
  /** Called with the saved record (new or updated). */
  onSaved?: (saved: EnterpriseDetail) => void;
};

/**
 * Create / edit drawer for the registry data. Values are checked with the domain's zod schemas
 * (credit code check digit, sub-type of the sector, date and reason when not operating) before
 * sending; the server's field errors land on the same fields; a stale version offers a reload.
 */
export function EnterpriseFormDrawer({ open, enterprise, onClose, onSaved }: Props) {
  const { t, label } = useLocale();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const sector = Form.useWatch('sector', form);
  const status = Form.useWatch('status', form);
  const [version, setVersion] = useState(enterprise?.version ?? 1);
  const [formError, setFormError] = useState<string | null>(null);
  const districts = useDistricts(open);
  const isEdit = enterprise !== null;
  const notOperating = status !== undefined && status !== 'operating';

  // Sector-scoped roles (科室) may only register enterprises of their own sectors.
  const sectorChoices = me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyNestedFieldErrors(form, errors, ENTERPRISE_FORM_FIELDS);
    setFormError(unmatched.map((e) => e.message).join('；') || fallback || null);
  };

  const reload = async () => {
    if (!enterprise) return;
    try {
      const fresh = await getEnterprise(enterprise.id);
      queryClient.setQueryData(queryKeys.enterprise(enterprise.id), fresh);
      form.resetFields();
      form.setFieldsValue(formValuesOf(fresh));
      setVersion(fresh.version);
      setFormError(null);
    } catch (e) {
      setFormError(e instanceof ApiError ? e.message : t('common.unexpectedError'));
    }
  };

  const mutation = useMutation({
    mutationFn: async (values: EnterpriseFormValues): Promise<EnterpriseDetail | null> => {
      const invalid = t('common.invalidField');
      if (isEdit) {
        const parsed = toUpdatePayload(values, version, invalid);
        if (!parsed.ok) {
          showErrors(parsed.errors);
          return null;
        }
        return updateEnterprise(enterprise.id, parsed.data);
      }
      const parsed = toCreatePayload(values, invalid);
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return createEnterprise(parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(isEdit ? t('common.saved') : t('enterprises.created'));
      queryClient.setQueryData(queryKeys.enterprise(saved.id), saved);
      // Lists, pickers, and what hangs under the enterprise (its checklist follows sector and tags).
      await queryClient.invalidateQueries({ queryKey: queryKeys.enterpriseAll });
      onSaved?.(saved);
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
          onOk: reload,
        });
        return;
      }
      showErrors(e.fields, e.message);
    },
  });

  const required = (key: MessageKey) => ({
    required: true,
    message: t('enterprises.required', { field: t(key) }),
  });
  const requiredSelect = (key: MessageKey) => ({
    required: true,
    message: t('enterprises.selectRequired', { field: t(key) }),
  });

  const initialValues: EnterpriseFormValues = enterprise
    ? formValuesOf(enterprise)
    : newFormValues({
        orgUnitId: districts.options.length === 1 ? districts.options[0]?.value : undefined,
        sector: sectorChoices.length === 1 ? sectorChoices[0] : undefined,
      });

  const half = { xs: 24, sm: 12 };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('enterprises.editTitle') : t('enterprises.createTitle')}
      size={screens.md ? 720 : '100%'}
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
      <Form<EnterpriseFormValues>
        form={form}
        name="enterprise"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={(changed: EnterpriseFormValues) => {
          setFormError(null);
          if ('sector' in changed) form.setFieldValue('subType', undefined);
        }}
      >
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              label={t('enterprises.name')}
              name="name"
              rules={[required('enterprises.name')]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('enterprises.creditCode')}
              name="creditCode"
              normalize={(v: string | undefined) => v?.toUpperCase()}
              validateTrigger="onBlur"
              extra={t('enterprises.creditCodeHint')}
              rules={[
                required('enterprises.creditCode'),
                {
                  validator: (_, v: string | undefined) => {
                    if (!v) return Promise.resolve();
                    const r = creditCodeSchema.safeParse(v);
                    return r.success
                      ? Promise.resolve()
                      : Promise.reject(new Error(r.error.issues[0]?.message));
                  },
                },
              ]}
            >
              <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('enterprises.district')}
              name="orgUnitId"
              rules={[requiredSelect('enterprises.district')]}
            >
              <Select options={districts.options} loading={districts.loading} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('enterprises.sector')}
              name="sector"
              rules={[requiredSelect('enterprises.sector')]}
            >
              <Select
                options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('enterprises.subType')}
              name="subType"
              rules={[requiredSelect('enterprises.subType')]}
            >
              <Select
                disabled={!sector}
                placeholder={sector ? undefined : t('enterprises.filterSubTypeHint')}
                options={
                  sector
                    ? SUB_TYPES[sector].map((s) => ({
                        value: s,
                        label: subTypeLabel(sector, s, label),
                      }))
                    : []
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('enterprises.tags')} name="tags">
              <Select
                mode="multiple"
                allowClear
                options={ENTERPRISE_TAGS.map((tag) => ({
                  value: tag,
                  label: label(ENTERPRISE_TAG_LABELS[tag]),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('enterprises.address')} name="address">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('enterprises.longitude')} name="longitude">
              <InputNumber min={73} max={136} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('enterprises.latitude')} name="latitude">
              <InputNumber min={3} max={54} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('enterprises.status')}
              name="status"
              extra={t('enterprises.statusHint')}
            >
              <Select
                options={ENTERPRISE_STATUSES.map((s) => ({
                  value: s,
                  label: label(ENTERPRISE_STATUS_LABELS[s]),
                }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              label={t('enterprises.statusDate')}
              name="statusDate"
              required={notOperating}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label={t('enterprises.statusReason')}
              name="statusReason"
              required={notOperating}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('enterprises.employees')} name="employees">
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('enterprises.safetyAgency')} name="safetyAgency">
              <Select
                allowClear
                options={SAFETY_AGENCY_KINDS.map((k) => ({
                  value: k,
                  label: label(SAFETY_AGENCY_LABELS[k]),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('enterprises.safetyStaffCount')} name="safetyStaffCount">
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('enterprises.licences')}
        </Typography.Title>
        <Form.List name="licences">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('enterprises.licenceItem', { n: index + 1 })}
                  extra={
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('enterprises.licenceRemove')}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Row gutter={16}>
                    <Col {...half}>
                      <Form.Item
                        label={t('enterprises.licenceType')}
                        name={[field.name, 'type']}
                        rules={[required('enterprises.licenceType')]}
                      >
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col {...half}>
                      <Form.Item
                        label={t('enterprises.licenceNumber')}
                        name={[field.name, 'number']}
                        rules={[required('enterprises.licenceNumber')]}
                      >
                        <Input maxLength={60} />
                      </Form.Item>
                    </Col>
                    <Col {...half}>
                      <Form.Item
                        label={t('enterprises.licenceExpiry')}
                        name={[field.name, 'expiry']}
                        style={{ marginBottom: 0 }}
                      >
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col {...half}>
                      <Form.Item
                        label={t('enterprises.licenceIssuer')}
                        name={[field.name, 'issuer']}
                        style={{ marginBottom: 0 }}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              {fields.length < MAX_LICENCES ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                  {t('enterprises.licenceAdd')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
