import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { safetyFundInputSchema, type FieldError, type SafetyFundView } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { getSafetyFunds, leaderDutyKeys, saveSafetyFund } from '../../../api/leader-duties-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-duty-leader';

/** "1,234,567.50" for a yuan string. */
export function formatYuan(yuan: string | null): string {
  if (yuan === null) return '—';
  const [whole = '0', frac = '00'] = yuan.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

type Editing = { year: number | null; item: SafetyFundView | null };

/**
 * The safety production fund (安全生产费用) per year: extracted and spent, with the rectification
 * funds planned for the year's ledger hazards beside them; the enterprise edits its own.
 */
export function SafetyFundPanel({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const [editing, setEditing] = useState<Editing | null>(null);
  const data = useQuery({
    queryKey: leaderDutyKeys.funds(enterpriseId),
    queryFn: ({ signal }) => getSafetyFunds(enterpriseId, signal),
  });
  const canEdit = data.data?.can.edit ?? false;
  const amount = (v: string | null) => (
    <span style={{ whiteSpace: 'nowrap' }}>{formatYuan(v)}</span>
  );

  return (
    <Card
      title={t('safetyFund.title')}
      extra={
        canEdit ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ year: null, item: null })}>
            {t('safetyFund.addYear')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={data.error} />
      <Typography.Paragraph type="secondary">{t('safetyFund.hint')}</Typography.Paragraph>
      <Table<SafetyFundView>
        rowKey="year"
        size="small"
        loading={data.isFetching}
        pagination={false}
        dataSource={data.data?.items ?? []}
        scroll={screens.md ? undefined : { x: 520 }}
        columns={[
          { title: t('safetyFund.year'), dataIndex: 'year', width: 80 },
          {
            title: t('safetyFund.extracted'),
            key: 'extracted',
            align: 'right',
            render: (_: unknown, f) => amount(f.extractedYuan),
          },
          {
            title: t('safetyFund.spent'),
            key: 'spent',
            align: 'right',
            render: (_: unknown, f) => amount(f.spentYuan),
          },
          {
            title: t('safetyFund.rectification'),
            key: 'rectification',
            align: 'right',
            render: (_: unknown, f) => (
              <Flex vertical align="flex-end" gap={2}>
                <span style={{ whiteSpace: 'nowrap' }}>
                  {f.rectificationExceedsSpent ? (
                    <Tooltip title={t('safetyFund.exceedsHint')}>
                      <WarningOutlined
                        style={{ color: '#faad14', marginInlineEnd: 4 }}
                        aria-label={t('safetyFund.exceedsHint')}
                      />
                    </Tooltip>
                  ) : null}
                  {formatYuan(f.rectificationFundsYuan)}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('safetyFund.hazards', { n: f.rectificationHazards })}
                </Typography.Text>
              </Flex>
            ),
          },
          ...(screens.md
            ? [
                {
                  title: t('safetyFund.note'),
                  key: 'note',
                  render: (_: unknown, f: SafetyFundView) =>
                    f.recorded ? (f.note ?? '—') : t('safetyFund.notRecorded'),
                },
              ]
            : []),
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, f: SafetyFundView) => (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t('safetyFund.editYear', { year: f.year })}
                      onClick={() => setEditing({ year: f.year, item: f })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <FundModal
          enterpriseId={enterpriseId}
          editing={editing}
          years={(data.data?.items ?? []).filter((i) => i.recorded).map((i) => i.year)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}

type FundValues = {
  year?: number | null;
  extractedYuan?: string;
  spentYuan?: string;
  note?: string;
};

function FundModal({
  enterpriseId,
  editing,
  years,
  onClose,
}: {
  enterpriseId: number;
  editing: Editing;
  years: number[];
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FundValues>();
  const [error, setError] = useState<string | null>(null);
  const thisYear = new Date().getFullYear();

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, ['year', 'extractedYuan', 'spentYuan', 'note']);
    setError(rest.map((e) => e.message).join('；') || fallback || null);
  };
  const save = useMutation({
    mutationFn: async (v: FundValues) => {
      const year = editing.year ?? v.year ?? null;
      if (!year) {
        showErrors([{ path: 'year', message: t('safetyFund.yearRequired') }]);
        return null;
      }
      if (editing.year === null && years.includes(year)) {
        showErrors([{ path: 'year', message: t('safetyFund.yearExists') }]);
        return null;
      }
      const parsed = safetyFundInputSchema.safeParse({
        extractedYuan: v.extractedYuan?.trim() ?? '',
        spentYuan: v.spentYuan?.trim() ?? '',
        note: v.note?.trim() ? v.note.trim() : null,
        version: editing.item?.version ?? null,
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return saveSafetyFund(enterpriseId, year, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: leaderDutyKeys.funds(enterpriseId) });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setError(t('common.unexpectedError'));
    },
  });
  return (
    <Modal
      open
      title={
        editing.year ? t('safetyFund.editTitle', { year: editing.year }) : t('safetyFund.addTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<FundValues>
        form={form}
        layout="vertical"
        initialValues={{
          year: editing.year ?? thisYear,
          extractedYuan: editing.item?.extractedYuan ?? '',
          spentYuan: editing.item?.spentYuan ?? '',
          note: editing.item?.note ?? '',
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
        onValuesChange={() => setError(null)}
      >
        {editing.year === null ? (
          <Form.Item label={t('safetyFund.year')} name="year">
            <InputNumber min={2000} max={thisYear} precision={0} style={{ width: 140 }} />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('safetyFund.extractedYuan')}
          name="extractedYuan"
          rules={[{ required: true, whitespace: true, message: t('safetyFund.amountRequired') }]}
        >
          <Input inputMode="decimal" maxLength={16} suffix={t('safetyFund.yuan')} />
        </Form.Item>
        <Form.Item
          label={t('safetyFund.spentYuan')}
          name="spentYuan"
          rules={[{ required: true, whitespace: true, message: t('safetyFund.amountRequired') }]}
        >
          <Input inputMode="decimal" maxLength={16} suffix={t('safetyFund.yuan')} />
        </Form.Item>
        <Form.Item label={t('safetyFund.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
