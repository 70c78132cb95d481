import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  Typography,
} from 'antd';
import type { DescriptionsProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  ErrorCode,
  HAZARD_CATEGORIES,
  HAZARD_CATEGORY_LABELS,
  HAZARD_ORIGIN_LABELS,
  Permission,
  SECTOR_LABELS,
  TREATMENT_LABELS,
  type FieldError,
  type HazardDetail,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { getEnterpriseChecklist, updateHazard } from '../../api/hazards-api';
import { queryKeys } from '../../api/query-keys';
import { useCan } from '../../auth/can';
import { formatDateTime } from '../../components/format';
import { applyFieldErrors } from '../../components/form-errors';
import { useLocale } from '../../i18n/locale-context';
import { applyHazardDetail, useOfferReload } from './hazard-cache';
import {
  toUpdatePayload,
  UPDATE_FORM_FIELDS,
  updateValuesOf,
  type UpdateHazardValues,
} from './hazard-form';
import { HazardLevelTag } from './hazard-labels';

const pre = { whiteSpace: 'pre-wrap' } as const;

const WIDE_ITEMS: readonly string[] = ['title', 'basis', 'description', 'causeAnalysis', 'fix'];

/** 基本信息: the record as registered, and the facts of the fix and its acceptance. */
export function HazardInfoSection({ hazard }: { hazard: HazardDetail }) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const canOpenEnterprise = useCan(Permission.EnterpriseRead);
  const canReadCatalog = useCan(Permission.CatalogRead);
  const h = hazard;
  // The cited item's title, from the enterprise's checklist (the hazard keeps only its code).
  const checklist = useQuery({
    queryKey: queryKeys.checklist(h.enterpriseId),
    queryFn: ({ signal }) => getEnterpriseChecklist(h.enterpriseId, signal),
    enabled: !!h.catalogItemCode && canReadCatalog,
    staleTime: 5 * 60_000,
  });
  const cited = checklist.data?.items.find((i) => i.code === h.catalogItemCode);

  const basis = h.catalogItemCode ? (
    <span>
      {h.catalogItemCode}
      {h.catalogVersion ? t('hazards.catalogVersion', { version: h.catalogVersion }) : ''}
      {cited ? ` ${cited.title}` : ''}
      {cited?.clause ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {cited.clause}
        </Typography.Text>
      ) : null}
    </span>
  ) : (
    <span>
      {t('hazards.noCatalog')}
      {h.noCatalogReason ? `：${h.noCatalogReason}` : ''}
    </span>
  );

  const items: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: t('hazards.enterprise'),
      children: canOpenEnterprise ? (
        <Link to={`/enterprises/${h.enterpriseId}`}>{h.enterpriseName}</Link>
      ) : (
        h.enterpriseName
      ),
    },
    { key: 'creditCode', label: t('hazards.creditCode'), children: h.enterpriseCreditCode },
    { key: 'sector', label: t('hazards.sector'), children: label(SECTOR_LABELS[h.sector]) },
    { key: 'district', label: t('hazards.district'), children: h.districtName },
    { key: 'title', label: t('hazards.titleField'), children: h.title },
    { key: 'level', label: t('hazards.levelField'), children: <HazardLevelTag level={h.level} /> },
    { key: 'basis', label: t('hazards.basis'), children: basis },
    {
      key: 'description',
      label: t('hazards.description'),
      children: <span style={pre}>{h.description}</span>,
    },
    { key: 'place', label: t('hazards.place'), children: h.place ?? '—' },
    {
      key: 'category',
      label: t('hazards.category'),
      children: h.category ? label(HAZARD_CATEGORY_LABELS[h.category]) : '—',
    },
    {
      key: 'causeAnalysis',
      label: t('hazards.causeAnalysis'),
      children: <span style={pre}>{h.causeAnalysis ?? '—'}</span>,
    },
    { key: 'origin', label: t('hazards.origin'), children: label(HAZARD_ORIGIN_LABELS[h.origin]) },
    { key: 'foundAt', label: t('hazards.foundAt'), children: h.foundAt },
    { key: 'foundBy', label: t('hazards.foundBy'), children: h.foundBy },
    {
      key: 'treatment',
      label: t('hazards.treatment'),
      children: label(TREATMENT_LABELS[h.treatment]),
    },
    {
      key: 'reported',
      label: t('hazards.reportedToBureauAt'),
      children: h.reportedToBureauAt
        ? formatDateTime(h.reportedToBureauAt)
        : t('hazards.notReported'),
    },
    { key: 'createdAt', label: t('hazards.createdAt'), children: formatDateTime(h.createdAt) },
  ];
  if (h.fixDescription) {
    items.push({
      key: 'fix',
      label: t('hazards.fixDescription'),
      children: <span style={pre}>{h.fixDescription}</span>,
    });
  }
  if (h.fixedAt) {
    items.push({
      key: 'fixedAt',
      label: t('hazards.fixedAt'),
      children: formatDateTime(h.fixedAt),
    });
  }
  if (h.leaderAcceptedAt) {
    items.push({
      key: 'accepted',
      label: t('hazards.leaderAcceptedAt'),
      children: formatDateTime(h.leaderAcceptedAt),
    });
  }
  if (h.supervisedAt && h.supervisionLevel) {
    items.push({
      key: 'supervised',
      label: t('hazards.supervisedAt'),
      children: formatDateTime(h.supervisedAt),
    });
  }
  if (h.verifiedAt) {
    items.push({
      key: 'verified',
      label: t('hazards.verifiedAt'),
      children: formatDateTime(h.verifiedAt),
    });
  }

  return (
    <Descriptions
      column={screens.lg ? 2 : 1}
      // On phones the label sits above its value: a narrow label column would wrap every word.
      layout={screens.sm ? 'horizontal' : 'vertical'}
      size="small"
      bordered
      // Long texts take a whole line; 'filled' also closes a half line (and the last one).
      items={items.map((item, i) =>
        WIDE_ITEMS.includes(String(item.key)) || i === items.length - 1
          ? { ...item, span: 'filled' as const }
          : item,
      )}
    />
  );
}

type DrawerProps = { hazard: HazardDetail; open: boolean; onClose: () => void };

/** Edits title, description, place, category and cause while the hazard is registered. */
export function HazardEditDrawer({ hazard, open, onClose }: DrawerProps) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const offerReload = useOfferReload(hazard.id);
  const [form] = Form.useForm<UpdateHazardValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, UPDATE_FORM_FIELDS);
    setFormError(unmatched.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (values: UpdateHazardValues): Promise<HazardDetail | null> => {
      const parsed = toUpdatePayload(values, hazard.version, t('common.invalidField'));
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return updateHazard(hazard.id, parsed.data);
    },
    onSuccess: async (detail) => {
      if (!detail) return;
      void message.success(t('common.saved'));
      onClose();
      await applyHazardDetail(queryClient, detail);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError(t('common.unexpectedError'));
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        setFormError(e.message);
        offerReload(onClose);
        return;
      }
      showErrors(e.fields, e.fields.length ? undefined : e.message);
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('hazards.editBasicTitle')}
      size={screens.md ? 560 : '100%'}
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
      <Form<UpdateHazardValues>
        form={form}
        name="hazardEdit"
        layout="vertical"
        initialValues={updateValuesOf(hazard)}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item label={t('hazards.titleField')} name="title" required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('hazards.description')} name="description" required>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item label={t('hazards.place')} name="place">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('hazards.category')} name="category">
          <Select
            allowClear
            options={HAZARD_CATEGORIES.map((c) => ({
              value: c,
              label: label(HAZARD_CATEGORY_LABELS[c]),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('hazards.causeAnalysis')} name="causeAnalysis">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
