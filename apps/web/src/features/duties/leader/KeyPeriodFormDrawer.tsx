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
import {
  keyPeriodInputSchema,
  keyPeriodUpdateSchema,
  KEY_PERIOD_MAX_DAYS,
  SECTOR_LABELS,
  SECTORS,
  type FieldError,
  type KeyPeriodView,
  type Sector,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { declareKeyPeriod, leaderDutyKeys, updateKeyPeriod } from '../../../api/leader-duties-api';
import { useSession } from '../../../auth/session-context';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-duty-leader';

type Values = {
  name?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  sectors?: Sector[];
  note?: string;
};

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** Declaring (or, before it starts, editing) a key period for my territory. */
export function KeyPeriodFormDrawer({
  period,
  onClose,
}: {
  period: KeyPeriodView | null;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const mapped = errors.map((e) =>
      e.path === 'startDate' || e.path === 'endDate' ? { ...e, path: 'range' } : e,
    );
    const rest = applyFieldErrors(form, mapped, ['name', 'range', 'sectors', 'note']);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = {
        name: v.name?.trim() ?? '',
        startDate: iso(v.range?.[0]),
        endDate: iso(v.range?.[1]),
        sectors: v.sectors ?? [],
        note: v.note?.trim() ? v.note.trim() : null,
      };
      if (period) {
        const parsed = keyPeriodUpdateSchema.safeParse({ ...body, version: period.version });
        if (!parsed.success) {
          showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
          return null;
        }
        return updateKeyPeriod(period.id, parsed.data);
      }
      const parsed = keyPeriodInputSchema.safeParse(body);
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return declareKeyPeriod(parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(period ? t('common.saved') : t('keyPeriod.declared'));
      await queryClient.invalidateQueries({ queryKey: leaderDutyKeys.all });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const sectorChoices = me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;
  const today = dayjs().startOf('day');
  return (
    <Drawer
      open
      onClose={onClose}
      title={period ? t('keyPeriod.editTitle') : t('keyPeriod.declareTitle')}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {period ? t('common.save') : t('keyPeriod.declareOk')}
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
        initialValues={
          period
            ? {
                name: period.name,
                range: [dayjs(period.startDate), dayjs(period.endDate)],
                sectors: period.sectors,
                note: period.note ?? '',
              }
            : { sectors: sectorChoices }
        }
        onFinish={(v) => {
          setFormError(null);
          save.mutate(v);
        }}
        onValuesChange={() => setFormError(null)}
      >
        <Form.Item
          label={t('keyPeriod.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('keyPeriod.nameRequired') }]}
        >
          <Input maxLength={50} placeholder={t('keyPeriod.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('keyPeriod.dates')}
          name="range"
          rules={[{ required: true, message: t('keyPeriod.datesRequired') }]}
          extra={t('keyPeriod.datesHint', { max: KEY_PERIOD_MAX_DAYS })}
        >
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            inputReadOnly={!screens.md}
            disabledDate={(d) => d.isBefore(today, 'day')}
          />
        </Form.Item>
        <Form.Item
          label={t('keyPeriod.sectors')}
          name="sectors"
          rules={[{ required: true, message: t('keyPeriod.sectorsRequired') }]}
          extra={t('keyPeriod.sectorsHint')}
        >
          <Select
            mode="multiple"
            options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
          />
        </Form.Item>
        <Form.Item label={t('keyPeriod.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
