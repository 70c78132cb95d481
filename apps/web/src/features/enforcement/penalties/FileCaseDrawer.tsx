import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Select,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  filePenaltyCaseRequestSchema,
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  type FieldError,
  type PenaltyCaseDetail,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { getEnterprise } from '../../../api/enterprises-api';
import { listHazards } from '../../../api/hazards-api';
import { filePenaltyCase, penaltyKeys } from '../../../api/penalties-api';
import { queryKeys } from '../../../api/query-keys';
import { EnterpriseSelect } from '../../../components/EnterpriseSelect';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-penalties';

type Values = {
  enterpriseId?: number | null;
  matter?: string;
  filedOn?: Dayjs | null;
  hazardIds?: number[];
  facts?: string;
};

const FIELDS = ['enterpriseId', 'matter', 'filedOn', 'hazardIds', 'facts'] as const;

export type FileCasePreset = {
  enterpriseId?: number;
  hazardId?: number;
  inspectionRecordId?: number;
};

/**
 * 立案: the enterprise, the matter, the hazards of the enterprise the case concerns and the facts
 * found so far. Opened from the list, or with an enterprise / hazard / inspection record chosen
 * (?new=1&enterpriseId=&hazardId=&inspectionRecordId=).
 */
export function FileCaseDrawer({
  open,
  onClose,
  preset,
}: {
  open: boolean;
  onClose: () => void;
  preset: FileCasePreset;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? preset.enterpriseId ?? null;

  const presetEnterprise = useQuery({
    queryKey: queryKeys.enterprise(preset.enterpriseId ?? 0),
    queryFn: ({ signal }) => getEnterprise(preset.enterpriseId!, signal),
    enabled: preset.enterpriseId !== undefined,
  });
  const hazardQuery = { enterpriseId: enterpriseId ?? undefined, page: 1, pageSize: 100 };
  const hazards = useQuery({
    queryKey: queryKeys.hazardList(hazardQuery),
    queryFn: ({ signal }) => listHazards(hazardQuery, signal),
    enabled: enterpriseId !== null,
  });

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<PenaltyCaseDetail | null> => {
      const parsed = filePenaltyCaseRequestSchema.safeParse({
        enterpriseId: v.enterpriseId ?? 0,
        matter: v.matter?.trim() ?? '',
        filedOn: v.filedOn ? v.filedOn.format('YYYY-MM-DD') : '',
        hazardIds: v.hazardIds ?? [],
        inspectionRecordId: preset.inspectionRecordId ?? null,
        facts: v.facts?.trim() ? v.facts.trim() : null,
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return filePenaltyCase(parsed.data);
    },
    onSuccess: async (c) => {
      if (!c) return;
      void message.success(t('penalties.filed', { no: c.caseNo }));
      await queryClient.invalidateQueries({ queryKey: penaltyKeys.all });
      onClose();
      void navigate(`/penalty-cases/${c.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const required = (field: string) => ({
    required: true,
    message: t('penalties.required', { field }),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('penalties.fileTitle')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('penalties.fileOk')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      {preset.inspectionRecordId ? (
        <InfoNote>{t('penalties.fromRecord', { id: preset.inspectionRecordId })}</InfoNote>
      ) : null}
      <Form<Values>
        form={form}
        name="file-penalty-case"
        layout="vertical"
        initialValues={{
          enterpriseId: preset.enterpriseId ?? null,
          filedOn: dayjs().startOf('day'),
          hazardIds: preset.hazardId ? [preset.hazardId] : [],
          matter: '',
        }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={(changed: Values) => {
          setFormError(null);
          if ('enterpriseId' in changed) form.setFieldValue('hazardIds', []);
        }}
      >
        <Form.Item
          label={t('penalties.enterprise')}
          name="enterpriseId"
          rules={[required(t('penalties.enterprise'))]}
        >
          <EnterpriseSelect
            initialLabel={presetEnterprise.data?.name ?? null}
            placeholder={t('penalties.enterprisePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          label={t('penalties.matter')}
          name="matter"
          rules={[required(t('penalties.matter'))]}
          extra={t('penalties.matterHint')}
        >
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item
          label={t('penalties.filedOn')}
          name="filedOn"
          rules={[required(t('penalties.filedOn'))]}
          style={{ maxWidth: 240 }}
        >
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={!screens.md}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          label={t('penalties.hazards')}
          name="hazardIds"
          extra={t('penalties.hazardsHint')}
        >
          <Select
            mode="multiple"
            disabled={enterpriseId === null}
            loading={hazards.isFetching}
            optionFilterProp="label"
            options={(hazards.data?.items ?? []).map((h) => ({
              value: h.id,
              label: `${h.number} ${h.title}（${label(HAZARD_LEVEL_LABELS[h.level])}，${label(HAZARD_STATUS_LABELS[h.status])}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('penalties.facts')} name="facts">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
