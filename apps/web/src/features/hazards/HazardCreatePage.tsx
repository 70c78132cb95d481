import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  Radio,
  Row,
  Select,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import dayjs from 'dayjs';
import {
  HAZARD_CATEGORIES,
  HAZARD_CATEGORY_LABELS,
  HAZARD_LEVEL_LABELS,
  HAZARD_LEVELS,
  HAZARD_ORIGIN_LABELS,
  HAZARD_ORIGINS,
  SELF_FOUND_ORIGINS,
  TREATMENT_LABELS,
  TREATMENTS,
  type FieldError,
  type HazardDetail,
  type HazardOrigin,
  type Role,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { createHazard } from '../../api/hazards-api';
import { queryKeys } from '../../api/query-keys';
import { useSession } from '../../auth/session-context';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { applyFieldErrors } from '../../components/form-errors';
import { InfoNote } from '../../components/InfoNote';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import { CatalogItemSelect } from './CatalogItemSelect';
import type { HazardCreateState } from './EnterpriseHazardsTab';
import { CREATE_FORM_FIELDS, toCreatePayload, type CreateHazardValues } from './hazard-form';
import '../../i18n/messages-hazard';

/** The usual way a role finds hazards, as the form's first choice. */
function defaultOrigin(role: Role | undefined, enterprise: boolean): HazardOrigin {
  if (enterprise) return 'self_check';
  return role === 'inspector' ? 'enforcement' : 'spot_check';
}

/**
 * /hazards/new — records a hazard (createHazardSchema). Enterprise users record for their own
 * enterprise and only self-found origins; the 判定依据 is picked from the enterprise's checklist
 * or replaced by a reason. On success the hazard page opens and asks for before-photos.
 */
export function HazardCreatePage() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<CreateHazardValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const enterpriseUser = !!me?.enterpriseId;
  // Opened from an enterprise's page: start with that enterprise.
  const preset = useLocation().state as Partial<HazardCreateState> | null;
  const presetId =
    !enterpriseUser && typeof preset?.enterpriseId === 'number' ? preset.enterpriseId : null;
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const catalogItemCode = Form.useWatch('catalogItemCode', form);
  const level = Form.useWatch('level', form);

  const origins: readonly HazardOrigin[] = enterpriseUser ? SELF_FOUND_ORIGINS : HAZARD_ORIGINS;

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, CREATE_FORM_FIELDS);
    setFormError(unmatched.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (values: CreateHazardValues): Promise<HazardDetail | null> => {
      const parsed = toCreatePayload(values, t('common.invalidField'));
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return createHazard(parsed.data);
    },
    onSuccess: async (created) => {
      if (!created) return;
      queryClient.setQueryData(queryKeys.hazard(created.id), created);
      await navigate(`/hazards/${created.id}?created=1`);
      await queryClient.invalidateQueries({ queryKey: [...queryKeys.hazardAll, 'list'] });
      await queryClient.invalidateQueries({ queryKey: queryKeys.hazardTodo });
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError(t('common.unexpectedError'));
        return;
      }
      showErrors(e.fields, e.fields.length ? undefined : e.message);
    },
  });

  const req = (key: MessageKey) => t('hazards.required', { field: t(key) });
  const sel = (key: MessageKey) => t('hazards.selectRequired', { field: t(key) });
  const size = screens.md ? undefined : ('large' as const);
  const half = { xs: 24, md: 12 };

  return (
    <>
      <Link to="/hazards" style={{ display: 'inline-flex', gap: 6, marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('hazards.backToList')}
      </Link>
      <PageHeader title={t('hazards.createTitle')} />
      <Card style={{ maxWidth: 880 }} styles={{ body: { padding: screens.md ? 24 : 12 } }}>
        {formError ? (
          <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<CreateHazardValues>
          form={form}
          name="hazardCreate"
          layout="vertical"
          size={size}
          initialValues={{
            enterpriseId: me?.enterpriseId ?? presetId,
            level: 'major',
            treatment: 'deadline',
            origin: defaultOrigin(me?.role, enterpriseUser),
            foundAt: dayjs(),
            foundBy: me?.displayName ?? '',
            catalogItemCode: null,
            category: null,
          }}
          onFinish={(values) => {
            setFormError(null);
            mutation.mutate(values);
          }}
          onValuesChange={(changed: Partial<CreateHazardValues>) => {
            setFormError(null);
            // A new enterprise has another checklist: the cited item no longer applies.
            if ('enterpriseId' in changed) form.setFieldValue('catalogItemCode', null);
          }}
        >
          <Row gutter={16}>
            <Col xs={24}>
              {enterpriseUser ? (
                <>
                  <Form.Item name="enterpriseId" hidden noStyle>
                    <Input />
                  </Form.Item>
                  <Form.Item label={t('hazards.enterprise')}>
                    <Input value={me?.enterpriseName ?? t('hazards.enterpriseFixed')} disabled />
                  </Form.Item>
                </>
              ) : (
                <Form.Item
                  label={t('hazards.enterprise')}
                  name="enterpriseId"
                  required
                  rules={[{ required: true, message: sel('hazards.enterprise') }]}
                >
                  <EnterpriseSelect
                    initialLabel={presetId ? (preset?.enterpriseName ?? null) : null}
                    placeholder={t('hazards.filterEnterprisePlaceholder')}
                  />
                </Form.Item>
              )}
            </Col>
            <Col xs={24}>
              <Form.Item label={t('hazards.levelField')} name="level" required>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={HAZARD_LEVELS.map((l) => ({
                    value: l,
                    label: label(HAZARD_LEVEL_LABELS[l]),
                  }))}
                />
              </Form.Item>
              {level === 'major' ? <InfoNote>{t('hazards.levelMajorHint')}</InfoNote> : null}
            </Col>
            <Col xs={24}>
              <Form.Item
                label={t('hazards.titleField')}
                name="title"
                required
                rules={[{ required: true, whitespace: true, message: req('hazards.titleField') }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                label={t('hazards.description')}
                name="description"
                required
                rules={[{ required: true, whitespace: true, message: req('hazards.description') }]}
              >
                <Input.TextArea rows={4} maxLength={4000} showCount />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                label={t('hazards.basis')}
                name="catalogItemCode"
                extra={
                  enterpriseId ? t('hazards.catalogItemHint') : t('hazards.selectEnterpriseFirst')
                }
              >
                <CatalogItemSelect
                  enterpriseId={enterpriseId}
                  placeholder={t('hazards.catalogItemPlaceholder')}
                />
              </Form.Item>
            </Col>
            {catalogItemCode ? null : (
              <Col xs={24}>
                <Form.Item label={t('hazards.noCatalogReason')} name="noCatalogReason" required>
                  <Input maxLength={200} placeholder={t('hazards.noCatalogReasonPlaceholder')} />
                </Form.Item>
              </Col>
            )}
            <Col {...half}>
              <Form.Item label={t('hazards.treatment')} name="treatment" required>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={TREATMENTS.map((x) => ({ value: x, label: label(TREATMENT_LABELS[x]) }))}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                label={t('hazards.origin')}
                name="origin"
                required
                extra={enterpriseUser ? t('hazards.enterpriseOriginHint') : undefined}
              >
                <Select
                  options={origins.map((o) => ({
                    value: o,
                    label: label(HAZARD_ORIGIN_LABELS[o]),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                label={t('hazards.foundAt')}
                name="foundAt"
                required
                rules={[{ required: true, message: sel('hazards.foundAt') }]}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  inputReadOnly={!screens.md}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                label={t('hazards.foundBy')}
                name="foundBy"
                required
                rules={[{ required: true, whitespace: true, message: req('hazards.foundBy') }]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('hazards.place')} name="place">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('hazards.category')} name="category">
                <Select
                  allowClear
                  options={HAZARD_CATEGORIES.map((c) => ({
                    value: c,
                    label: label(HAZARD_CATEGORY_LABELS[c]),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('hazards.causeAnalysis')} name="causeAnalysis">
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify={screens.md ? 'flex-start' : 'stretch'} vertical={!screens.md}>
            <Button
              type="primary"
              htmlType="submit"
              loading={mutation.isPending}
              block={!screens.md}
            >
              {t('hazards.create')}
            </Button>
            <Link to="/hazards">
              <Button block={!screens.md}>{t('common.cancel')}</Button>
            </Link>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
