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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  createAlertSchema,
  SECTOR_LABELS,
  SECTORS,
  type AlertDetail,
  type FieldError,
  type Sector,
} from '@hazard-ledger/domain';
import { ApiError } from '../../api/client';
import { createAlert } from '../../api/alerts-api';
import { queryKeys } from '../../api/query-keys';
import { useSession } from '../../auth/session-context';
import { applyFieldErrors, zodFieldErrors } from '../../components/form-errors';
import { useLocale } from '../../i18n/locale-context';
import { ItemCodeSelect } from './ItemCodeSelect';

type Values = {
  title?: string;
  accidentDate?: Dayjs | null;
  place?: string;
  summary?: string;
  lesson?: string;
  sectors?: Sector[];
  itemCodes?: string[];
  dueDate?: Dayjs | null;
};

const FIELDS = [
  'title',
  'accidentDate',
  'place',
  'summary',
  'lesson',
  'sectors',
  'itemCodes',
  'dueDate',
] as const;

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/**
 * Publishing an accident-lesson alert: the accident, its lesson, the criteria items it touches
 * (picked from the current catalogs) and the date by which every enterprise of the chosen
 * sectors must answer.
 */
export function AlertFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const sectors = Form.useWatch('sectors', form) ?? [];

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<AlertDetail | null> => {
      const parsed = createAlertSchema.safeParse({
        title: v.title?.trim() ?? '',
        accidentDate: iso(v.accidentDate),
        place: v.place?.trim() ?? '',
        summary: v.summary?.trim() ?? '',
        lesson: v.lesson?.trim() ?? '',
        itemCodes: v.itemCodes ?? [],
        sectors: v.sectors ?? [],
        dueDate: iso(v.dueDate),
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return createAlert(parsed.data);
    },
    onSuccess: async (alert) => {
      if (!alert) return;
      void message.success(t('alerts.published', { n: alert.stats?.targetCount ?? 0 }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.alerts });
      onClose();
      void navigate(`/alerts/${alert.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('campaignUi.required', { field }),
  });
  const select = (field: string) => ({
    required: true,
    message: t('campaignUi.select', { field }),
  });
  const sectorChoices = me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;
  const today = dayjs().startOf('day');

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('alerts.publishTitle')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('alerts.publishOk')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        name="alert"
        layout="vertical"
        initialValues={{ sectors: [], itemCodes: [], dueDate: today.add(14, 'day') }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item
          label={t('alerts.titleCol')}
          name="title"
          rules={[required(t('alerts.titleCol'))]}
        >
          <Input maxLength={100} showCount placeholder={t('alerts.titlePlaceholder')} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            label={t('alerts.accidentDate')}
            name="accidentDate"
            rules={[select(t('alerts.accidentDate'))]}
            style={{ flex: 1, minWidth: 160 }}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={!screens.md}
              disabledDate={(d) => d.isAfter(today, 'day')}
            />
          </Form.Item>
          <Form.Item
            label={t('alerts.place')}
            name="place"
            rules={[required(t('alerts.place'))]}
            style={{ flex: 2, minWidth: 200 }}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item
          label={t('alerts.summary')}
          name="summary"
          rules={[required(t('alerts.summary'))]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('alerts.lesson')} name="lesson" rules={[required(t('alerts.lesson'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          label={t('alerts.sectors')}
          name="sectors"
          rules={[select(t('alerts.sectors'))]}
          extra={t('alerts.sectorsHint')}
        >
          <Select
            mode="multiple"
            options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
          />
        </Form.Item>
        <Form.Item label={t('alerts.items')} name="itemCodes" extra={t('alerts.itemsHint')}>
          <ItemCodeSelect sectors={sectors} />
        </Form.Item>
        <Form.Item
          label={t('alerts.dueDate')}
          name="dueDate"
          rules={[select(t('alerts.dueDate'))]}
          style={{ maxWidth: 240 }}
        >
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={!screens.md}
            disabledDate={(d) => d.isBefore(today, 'day')}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
