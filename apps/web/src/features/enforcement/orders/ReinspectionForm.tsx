import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  Radio,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ErrorCode,
  REINSPECTION_RESULT_LABELS,
  REINSPECTION_RESULTS,
  reinspectionDateRefusal,
  reinspectionSchema,
  type FieldError,
  type OrderDetail,
  type ReinspectionResult,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  listInspectorOptions,
  orderKeys,
  reinspectOrder,
} from '../../../api/enforcement-orders-api';
import { queryKeys } from '../../../api/query-keys';
import { useSession } from '../../../auth/session-context';
import { applyNestedFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import { HazardLevelTag } from '../../hazards/hazard-labels';
import '../../../i18n/messages-enforcement-orders';

type ItemValue = { result?: ReinspectionResult; note?: string };
type Values = {
  reinspectedOn?: Dayjs | null;
  inspectorUserIds?: number[];
  items?: ItemValue[];
  opinion?: string;
  earlyReason?: string;
};

const FIELDS = [
  'reinspectedOn',
  'inspectorUserIds',
  'earlyReason',
  'opinion',
  'items.*.result',
  'items.*.note',
] as const;

/**
 * The re-inspection form, one card per hazard so it works on a phone: 已整改 / 整改不到位 and a
 * note, then the officers (two or more, with certificates), the date and the opinion.
 */
export function ReinspectionForm({ order }: { order: OrderDetail }) {
  const { t, label } = useLocale();
  const { message, modal } = AntApp.useApp();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const reinspectedOn = Form.useWatch('reinspectedOn', form);
  const items = Form.useWatch('items', form);
  const early = reinspectedOn ? reinspectedOn.format('YYYY-MM-DD') < order.deadline : false;

  const options = useQuery({
    queryKey: orderKeys.inspectorOptions,
    queryFn: ({ signal }) => listInspectorOptions(signal),
  });
  // The order's own inspectors are offered even when they belong to another territory.
  const officerOptions = useMemo(() => {
    const seen = new Map<number, string>();
    for (const i of order.inspectors) seen.set(i.userId, `${i.name}（${i.certificateNo}）`);
    for (const o of options.data ?? [])
      if (!seen.has(o.userId))
        seen.set(o.userId, `${o.name}（${o.certificateNo}）· ${o.orgUnitName}`);
    return [...seen].map(([value, text]) => ({ value, label: text }));
  }, [order.inspectors, options.data]);

  const initialOfficers = useMemo(() => {
    const ids = order.inspectors.map((i) => i.userId);
    return me && !ids.includes(me.id) ? [me.id, ...ids] : ids;
  }, [order.inspectors, me]);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyNestedFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      const date = v.reinspectedOn ? v.reinspectedOn.format('YYYY-MM-DD') : '';
      const earlyReason = early && v.earlyReason?.trim() ? v.earlyReason.trim() : null;
      const parsed = reinspectionSchema.safeParse({
        version: order.version,
        reinspectedOn: date,
        inspectorUserIds: v.inspectorUserIds ?? [],
        // The form holds only what is typed; the hazards come from the order, in its order.
        items: order.items.map((item, index) => {
          const given = v.items?.[index];
          return {
            hazardId: item.hazardId,
            result: given?.result,
            note: given?.note?.trim() ? given.note.trim() : null,
          };
        }),
        opinion: v.opinion ?? '',
        earlyReason,
      });
      const errors = parsed.success ? [] : zodFieldErrors(parsed.error, t('common.invalidField'));
      const dateWhy = date
        ? reinspectionDateRefusal(
            { issuedOn: order.issuedOn, deadline: order.deadline },
            { reinspectedOn: date, earlyReason },
            dayjs().format('YYYY-MM-DD'),
          )
        : null;
      if (dateWhy) errors.push(dateWhy);
      if (!parsed.success || errors.length > 0) {
        showErrors(errors);
        return null;
      }
      return reinspectOrder(order.id, parsed.data);
    },
    onSuccess: async (done) => {
      if (!done) return;
      void message.success(t('orders.reinspected'));
      queryClient.setQueryData(orderKeys.one(order.id), done);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.hazardAll }),
      ]);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === ErrorCode.StaleVersion) {
        modal.warning({
          title: t('orders.staleTitle'),
          content: t('common.staleContent'),
          onOk: () => queryClient.invalidateQueries({ queryKey: orderKeys.one(order.id) }),
        });
        return;
      }
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const today = dayjs().startOf('day');
  return (
    <Card title={t('orders.reinspection')} styles={{ body: phone ? { padding: 12 } : undefined }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('orders.reinspectionHint')}
      </Typography.Paragraph>
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<Values>
        form={form}
        name="reinspection"
        layout="vertical"
        initialValues={{
          reinspectedOn: today,
          inspectorUserIds: initialOfficers,
          items: order.items.map(() => ({ note: '' })),
        }}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.List name="items">
          {(fields) =>
            fields.map((field, index) => {
              const item = order.items[index]!;
              const persisting = items?.[index]?.result === 'persisting';
              return (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={
                    <Flex gap={6} wrap align="center" style={{ paddingBlock: 4 }}>
                      <span>{item.seq}.</span>
                      <Typography.Text style={{ whiteSpace: 'normal' }}>
                        {item.title}
                      </Typography.Text>
                      <HazardLevelTag level={item.level} />
                    </Flex>
                  }
                >
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                    {item.hazardNumber} · {t('orders.requirement')}：{item.requirement}
                  </Typography.Paragraph>
                  <Form.Item
                    name={[field.name, 'result']}
                    label={t('orders.result')}
                    rules={[
                      {
                        required: true,
                        message: t('orders.select', { field: t('orders.result') }),
                      },
                    ]}
                    style={{ marginBottom: 8 }}
                  >
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      aria-label={`${item.hazardNumber} ${t('orders.result')}`}
                      options={REINSPECTION_RESULTS.map((r) => ({
                        value: r,
                        label: label(REINSPECTION_RESULT_LABELS[r]),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'note']}
                    label={persisting ? t('orders.resultNotePersisting') : t('orders.resultNote')}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea
                      aria-label={`${item.hazardNumber} ${t('orders.resultNote')}`}
                      autoSize={{ minRows: 1, maxRows: 6 }}
                      maxLength={1000}
                    />
                  </Form.Item>
                </Card>
              );
            })
          }
        </Form.List>
        <Flex gap={12} wrap>
          <Form.Item
            label={t('orders.reinspectedOn')}
            name="reinspectedOn"
            rules={[
              { required: true, message: t('orders.select', { field: t('orders.reinspectedOn') }) },
            ]}
            style={{ flex: 1, minWidth: 160 }}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={phone}
              disabledDate={(d) =>
                d.isAfter(today, 'day') || d.isBefore(dayjs(order.issuedOn), 'day')
              }
            />
          </Form.Item>
          <Form.Item
            label={t('orders.reinspectors')}
            name="inspectorUserIds"
            extra={t('orders.reinspectorsHint')}
            style={{ flex: 2, minWidth: 220 }}
          >
            <Select
              mode="multiple"
              options={officerOptions}
              loading={options.isPending}
              optionFilterProp="label"
            />
          </Form.Item>
        </Flex>
        {early ? (
          <Form.Item
            label={t('orders.earlyReason')}
            name="earlyReason"
            extra={t('orders.earlyHint', { date: order.deadline })}
          >
            <Input maxLength={500} />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('orders.opinion')}
          name="opinion"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('orders.required', { field: t('orders.opinion') }),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} block={phone}>
          {t('orders.submitReinspection')}
        </Button>
      </Form>
    </Card>
  );
}
