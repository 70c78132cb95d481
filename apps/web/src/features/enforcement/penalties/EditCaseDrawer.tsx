import { useState } from 'react';
import { Alert, App as AntApp, Button, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ErrorCode,
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  updatePenaltyCaseSchema,
  type FieldError,
  type PenaltyCaseDetail,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { listHazards } from '../../../api/hazards-api';
import { penaltyKeys, updatePenaltyCase } from '../../../api/penalties-api';
import { queryKeys } from '../../../api/query-keys';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import { applyCaseDetail } from './case-cache';

type Values = { matter?: string; facts?: string; hazardIds?: number[] };
const FIELDS = ['matter', 'facts', 'hazardIds'] as const;

/** Edits the matter, the facts found and the hazards of a case before its decision. */
export function EditCaseDrawer({
  c,
  open,
  onClose,
}: {
  c: PenaltyCaseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const hazardQuery = { enterpriseId: c.enterpriseId, page: 1, pageSize: 100 };
  const hazards = useQuery({
    queryKey: queryKeys.hazardList(hazardQuery),
    queryFn: ({ signal }) => listHazards(hazardQuery, signal),
  });

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<PenaltyCaseDetail | null> => {
      const parsed = updatePenaltyCaseSchema.safeParse({
        version: c.version,
        matter: v.matter?.trim() ?? '',
        facts: v.facts?.trim() ? v.facts.trim() : null,
        hazardIds: v.hazardIds ?? [],
        inspectionRecordId: c.inspectionRecordId,
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return updatePenaltyCase(c.id, parsed.data);
    },
    onSuccess: async (detail) => {
      if (!detail) return;
      void message.success(t('common.saved'));
      onClose();
      await applyCaseDetail(queryClient, detail);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === ErrorCode.StaleVersion) {
        setFormError(e.message);
        void queryClient.invalidateQueries({ queryKey: penaltyKeys.case(c.id) });
        return;
      }
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  // The hazards already linked stay choosable even beyond the first page of the ledger.
  const options = new Map<number, string>(
    c.hazards.map((h) => [h.id, `${h.number} ${h.title}`] as const),
  );
  for (const h of hazards.data?.items ?? []) {
    options.set(
      h.id,
      `${h.number} ${h.title}（${label(HAZARD_LEVEL_LABELS[h.level])}，${label(HAZARD_STATUS_LABELS[h.status])}）`,
    );
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('penalties.editCase')}
      size={screens.md ? 640 : '100%'}
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
      <Form<Values>
        form={form}
        layout="vertical"
        name="edit-penalty-case"
        initialValues={{
          matter: c.matter,
          facts: c.facts ?? '',
          hazardIds: c.hazards.map((h) => h.id),
        }}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
      >
        <Form.Item label={t('penalties.matter')} name="matter">
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item label={t('penalties.hazards')} name="hazardIds">
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={hazards.isFetching}
            options={[...options].map(([value, text]) => ({ value, label: text }))}
          />
        </Form.Item>
        <Form.Item label={t('penalties.facts')} name="facts">
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
