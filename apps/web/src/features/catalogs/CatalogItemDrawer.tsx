import { useState } from 'react';
import { Alert, App as AntApp, Button, Drawer, Flex, Form, Grid, Input, Radio, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ENTERPRISE_TAG_LABELS,
  ENTERPRISE_TAGS,
  ErrorCode,
  ITEM_COMPLETENESS_LABELS,
  SECTOR_LABELS,
  SUB_TYPE_LABELS,
  SUB_TYPES,
  type CatalogItemView,
  type CatalogVersionView,
  type FieldError,
  type Sector,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { addCatalogItem, updateCatalogItem } from '../../api/catalogs-api';
import { queryKeys } from '../../api/query-keys';
import { applyNestedFieldErrors } from '../../components/form-errors';
import { useLocale } from '../../i18n/locale-context';
import {
  ITEM_FORM_FIELDS,
  itemFormValuesOf,
  toItemInput,
  toItemUpdate,
  type ItemFormValues,
} from './item-form';
import '../../i18n/messages-catalog';
import '../../i18n/messages-campaign';

type Props = {
  open: boolean;
  version: CatalogVersionView;
  /** The item being edited; null to add a local supplementary item. */
  item: CatalogItemView | null;
  onClose: () => void;
};

/** Adds a local item to a draft, or edits a draft item (checked with the domain's schema first). */
export function CatalogItemDrawer({ open, version, item, onClose }: Props) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<ItemFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const completeness = Form.useWatch('completeness', form);
  const sectors = Form.useWatch(['appliesTo', 'sectors'], form) as Sector[] | undefined;
  const isEdit = item !== null;

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyNestedFieldErrors(form, errors, ITEM_FORM_FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (values: ItemFormValues): Promise<CatalogItemView | null> => {
      const invalid = t('common.invalidField');
      if (item) {
        const parsed = toItemUpdate(values, item.version, invalid);
        if (!parsed.ok) {
          showErrors(parsed.errors);
          return null;
        }
        return updateCatalogItem(version.catalogId, version.version, item.code, parsed.data);
      }
      const parsed = toItemInput(values, invalid);
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return null;
      }
      return addCatalogItem(version.catalogId, version.version, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(
        isEdit ? t('common.saved') : t('catalogs.itemAdded', { code: saved.code }),
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.catalogs });
      onClose();
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormError(t('common.unexpectedError'));
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        setFormError(t('catalogs.itemStale'));
        void queryClient.invalidateQueries({ queryKey: queryKeys.catalogs });
        return;
      }
      showErrors(e.fields, e.message);
    },
  });

  const subTypeOptions = (() => {
    const seen = new Map<string, string>();
    for (const s of sectors ?? []) {
      for (const st of SUB_TYPES[s]) {
        if (!seen.has(st)) seen.set(st, label(SUB_TYPE_LABELS[s][st]));
      }
    }
    return [...seen].map(([value, text]) => ({ value, label: text }));
  })();

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('campaignUi.required', { field }),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('catalogs.editItemTitle', { code: item.code }) : t('catalogs.addItemTitle')}
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
      {isEdit ? null : (
        <Alert
          type="info"
          title={t('catalogs.localItemHint', { catalog: version.catalogId })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<ItemFormValues>
        form={form}
        name="catalogItem"
        layout="vertical"
        initialValues={
          item
            ? itemFormValuesOf(item)
            : {
                section: version.sections.length === 1 ? version.sections[0]!.name : undefined,
                completeness: 'complete',
                appliesTo: { sectors: [...version.sectors], subTypes: [], tags: [] },
              }
        }
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item
          label={t('catalogs.section')}
          name="section"
          rules={[
            { required: true, message: t('campaignUi.select', { field: t('catalogs.section') }) },
          ]}
        >
          <Select options={version.sections.map((s) => ({ value: s.name, label: s.name }))} />
        </Form.Item>
        <Form.Item
          label={t('catalogs.clause')}
          name="clause"
          rules={[required(t('catalogs.clause'))]}
          extra={t('catalogs.clauseHint')}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          label={t('catalogs.parentCode')}
          name="parentCode"
          extra={t('catalogs.parentCodeHint')}
        >
          <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item label={t('catalogs.title')} name="title" rules={[required(t('catalogs.title'))]}>
          <Input maxLength={20} showCount />
        </Form.Item>
        <Form.Item label={t('catalogs.requirement')} name="requirement">
          <Input.TextArea rows={4} maxLength={300} showCount />
        </Form.Item>
        <Form.Item label={t('catalogs.completeness')} name="completeness">
          <Radio.Group
            options={(['complete', 'incomplete'] as const).map((c) => ({
              value: c,
              label: label(ITEM_COMPLETENESS_LABELS[c]),
            }))}
          />
        </Form.Item>
        {completeness === 'incomplete' ? (
          <Form.Item
            label={t('catalogs.gapNoteLabel')}
            name="gapNote"
            rules={[required(t('catalogs.gapNoteLabel'))]}
            extra={t('catalogs.gapNoteHint')}
          >
            <Input.TextArea rows={2} maxLength={120} showCount />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('catalogs.appliesSectors')}
          name={['appliesTo', 'sectors']}
          rules={[
            {
              required: true,
              message: t('campaignUi.select', { field: t('catalogs.appliesSectors') }),
            },
          ]}
        >
          <Select
            mode="multiple"
            options={version.sectors.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('catalogs.appliesSubTypesLabel')}
          name={['appliesTo', 'subTypes']}
          extra={t('catalogs.anyHint')}
        >
          <Select mode="multiple" allowClear options={subTypeOptions} />
        </Form.Item>
        <Form.Item
          label={t('catalogs.appliesTagsLabel')}
          name={['appliesTo', 'tags']}
          extra={t('catalogs.anyHint')}
        >
          <Select
            mode="multiple"
            allowClear
            options={ENTERPRISE_TAGS.map((tag) => ({
              value: tag,
              label: label(ENTERPRISE_TAG_LABELS[tag]),
            }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
