import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Drawer, Flex, Form, Grid, Input, Select, Spin } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createInformantSchema,
  DEFAULT_INFORMANT_SECTORS,
  SECTOR_LABELS,
  SECTORS,
  updateInformantSchema,
  type FieldError,
  type InformantView,
  type Sector,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  createInformant,
  informantKeys,
  readInformantIdentity,
  updateInformant,
} from '../../../api/informants-api';
import { listOrgUnits } from '../../../api/org-api';
import { queryKeys } from '../../../api/query-keys';
import { useSession } from '../../../auth/session-context';
import { EnterpriseSelect } from '../../../components/EnterpriseSelect';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-tips-informants';

type Values = {
  name?: string;
  phone?: string;
  sectors?: Sector[];
  districtId?: number;
  enterpriseId?: number | null;
  area?: string;
  note?: string;
};

const FIELDS = ['name', 'phone', 'sectors', 'districtId', 'enterpriseId', 'area', 'note'] as const;

/** The districts of my territory, for pickers. */
export function useDistrictOptions() {
  const { data } = useQuery({
    queryKey: queryKeys.orgUnits,
    queryFn: ({ signal }) => listOrgUnits(signal),
    staleTime: 5 * 60_000,
  });
  return (data?.items ?? [])
    .filter((u) => u.kind === 'district')
    .map((u) => ({ value: u.id, label: u.name }));
}

/**
 * Registering or editing an informant. Editing first reads the full name and phone (an audited
 * read) to fill the form; the list only ever shows them masked.
 */
export function InformantFormDrawer({
  open,
  informant,
  onClose,
}: {
  open: boolean;
  /** Null to register a new informant. */
  informant: InformantView | null;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const districts = useDistrictOptions();
  const editing = informant !== null;

  const identity = useQuery({
    queryKey: ['informant-identity', informant?.id],
    queryFn: () => readInformantIdentity(informant!.id),
    enabled: editing && open,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  useEffect(() => {
    if (identity.data) form.setFieldsValue(identity.data);
  }, [identity.data, form]);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<InformantView | null> => {
      const fields = {
        name: v.name?.trim() ?? '',
        phone: v.phone?.trim() ?? '',
        sectors: v.sectors ?? [],
        districtId: v.districtId,
        enterpriseId: v.enterpriseId ?? null,
        area: v.area?.trim() || null,
        note: v.note?.trim() || null,
      };
      const parsed = editing
        ? updateInformantSchema.safeParse({ ...fields, version: informant.version })
        : createInformantSchema.safeParse(fields);
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return editing
        ? updateInformant(informant.id, { ...parsed.data, version: informant.version })
        : createInformant(parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(editing ? t('inf.saved') : t('inf.created', { code: saved.code }));
      await queryClient.invalidateQueries({ queryKey: informantKeys.informants });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const sectorChoices = me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('inf.required', { field }),
  });
  const select = (field: string) => ({ required: true, message: t('inf.select', { field }) });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? `${t('inf.editTitle')} · ${informant.code}` : t('inf.createTitle')}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={mutation.isPending}
            disabled={editing && !identity.data}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <InfoNote>{editing ? t('inf.editIdentityNote') : t('inf.sealedNote')}</InfoNote>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      {identity.error ? (
        <Alert
          type="error"
          showIcon
          title={
            identity.error instanceof ApiError
              ? identity.error.message
              : t('common.unexpectedError')
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Spin spinning={editing && identity.isLoading}>
        <Form<Values>
          form={form}
          name="informant"
          layout="vertical"
          initialValues={
            informant
              ? {
                  sectors: informant.sectors,
                  districtId: informant.districtId,
                  enterpriseId: informant.enterpriseId,
                  area: informant.area ?? '',
                  note: informant.note ?? '',
                }
              : {
                  sectors: DEFAULT_INFORMANT_SECTORS.filter((s) => sectorChoices.includes(s)),
                  districtId: districts.length === 1 ? districts[0]!.value : undefined,
                  enterpriseId: null,
                }
          }
          onFinish={(values) => {
            setFormError(null);
            mutation.mutate(values);
          }}
          onValuesChange={() => setFormError(null)}
        >
          <Flex gap={12} wrap>
            <Form.Item
              label={t('inf.name')}
              name="name"
              rules={[required(t('inf.name'))]}
              style={{ flex: 1, minWidth: 160 }}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
            <Form.Item
              label={t('inf.phone')}
              name="phone"
              rules={[required(t('inf.phone'))]}
              style={{ flex: 1, minWidth: 160 }}
            >
              <Input maxLength={20} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Flex>
          <Form.Item
            label={t('inf.sectors')}
            name="sectors"
            rules={[select(t('inf.sectors'))]}
            extra={t('inf.sectorsHint')}
          >
            <Select
              mode="multiple"
              options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('inf.district')}
            name="districtId"
            rules={[select(t('inf.district'))]}
          >
            <Select options={districts} />
          </Form.Item>
          <Form.Item label={t('inf.enterprise')} name="enterpriseId" extra={t('inf.coverageHint')}>
            <EnterpriseSelect initialLabel={informant?.enterpriseName ?? null} />
          </Form.Item>
          <Form.Item label={t('inf.area')} name="area">
            <Input maxLength={100} placeholder={t('inf.areaPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('inf.note')} name="note">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </Form.Item>
        </Form>
      </Spin>
    </Drawer>
  );
}
