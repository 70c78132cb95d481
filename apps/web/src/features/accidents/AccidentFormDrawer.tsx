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
  InputNumber,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  ACCIDENT_LEVEL_LABELS,
  ACCIDENT_LEVELS,
  ACCIDENT_TYPE_LABELS,
  ACCIDENT_TYPES,
  type AccidentDetail,
  type AccidentLevel,
  type AccidentType,
  createAccidentSchema,
  type FieldError,
  suggestedAccidentLevel,
  updateAccidentSchema,
} from '@hazard-ledger/domain';
import { accidentKeys, createAccident, updateAccident } from '../../api/accidents-api';
import { ApiError } from '../../api/client';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { applyFieldErrors, zodFieldErrors } from '../../components/form-errors';
import { useLocale } from '../../i18n/locale-context';
import { yuanToFen } from './accident-labels';
import '../../i18n/messages-accidents';

type Values = {
  enterpriseId?: number | null;
  occurredAt?: Dayjs | null;
  type?: AccidentType;
  place?: string;
  deaths?: number | null;
  seriousInjuries?: number | null;
  minorInjuries?: number | null;
  directLossYuan?: number | null;
  level?: AccidentLevel;
  levelReason?: string;
  report?: string;
};

const FIELDS = [
  'enterpriseId',
  'occurredAt',
  'type',
  'place',
  'deaths',
  'seriousInjuries',
  'minorInjuries',
  'directLossFen',
  'level',
  'levelReason',
  'report',
] as const;

function initialValues(editing: AccidentDetail | null): Values {
  if (!editing)
    return { deaths: 0, seriousInjuries: 0, minorInjuries: 0, directLossYuan: 0, level: 'general' };
  return {
    enterpriseId: editing.enterpriseId,
    occurredAt: dayjs(editing.occurredAt),
    type: editing.type,
    place: editing.place ?? '',
    deaths: editing.deaths,
    seriousInjuries: editing.seriousInjuries,
    minorInjuries: editing.minorInjuries,
    directLossYuan: editing.directLossFen / 100,
    level: editing.level,
    levelReason: editing.levelReason ?? '',
    report: editing.report,
  };
}

/**
 * Records an accident (enterprise picker) or edits one. The level the national rule gives is shown
 * as the figures are typed and chosen by default; another level asks for the reason.
 */
export function AccidentFormDrawer({
  open,
  onClose,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  /** The accident being edited; null to record a new one. */
  editing: AccidentDetail | null;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const deaths = Form.useWatch('deaths', form) ?? 0;
  const serious = Form.useWatch('seriousInjuries', form) ?? 0;
  const lossYuan = Form.useWatch('directLossYuan', form) ?? 0;
  const level = Form.useWatch('level', form);
  const suggested = suggestedAccidentLevel({
    deaths,
    seriousInjuries: serious,
    directLossFen: yuanToFen(lossYuan),
  });

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const rest = applyFieldErrors(form, errors, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<AccidentDetail | null> => {
      const facts = {
        occurredAt: v.occurredAt ? v.occurredAt.format('YYYY-MM-DDTHH:mm:ssZ') : '',
        type: v.type,
        place: v.place?.trim() ? v.place.trim() : null,
        deaths: v.deaths ?? 0,
        seriousInjuries: v.seriousInjuries ?? 0,
        minorInjuries: v.minorInjuries ?? 0,
        directLossFen: yuanToFen(v.directLossYuan ?? 0),
        level: v.level,
        levelReason: v.levelReason?.trim() ? v.levelReason.trim() : null,
        report: v.report?.trim() ?? '',
      };
      if (editing) {
        const parsed = updateAccidentSchema.safeParse({ ...facts, version: editing.version });
        if (!parsed.success) {
          showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
          return null;
        }
        return updateAccident(editing.id, parsed.data);
      }
      const parsed = createAccidentSchema.safeParse({
        ...facts,
        enterpriseId: v.enterpriseId ?? 0,
      });
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return createAccident(parsed.data);
    },
    onSuccess: async (a) => {
      if (!a) return;
      void message.success(editing ? t('common.saved') : t('accidents.saved'));
      queryClient.setQueryData(accidentKeys.one(a.id), a);
      await queryClient.invalidateQueries({ queryKey: accidentKeys.all });
      onClose();
      if (!editing) void navigate(`/accidents/${a.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const required = (field: string) => ({
    required: true,
    message: t('accidents.required', { field }),
  });
  const count = (name: 'deaths' | 'seriousInjuries' | 'minorInjuries') => (
    <Form.Item
      label={t(`accidents.${name}`)}
      name={name}
      rules={[required(t(`accidents.${name}`))]}
    >
      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('accidents.editTitle') : t('accidents.createTitle')}
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
        name="accident"
        layout="vertical"
        initialValues={initialValues(editing)}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
        onValuesChange={(changed: Values, all: Values) => {
          setFormError(null);
          // Follow the rule while the user has not chosen another level on purpose.
          if ('deaths' in changed || 'seriousInjuries' in changed || 'directLossYuan' in changed) {
            const before = suggestedAccidentLevel({
              deaths: 'deaths' in changed ? deaths : (all.deaths ?? 0),
              seriousInjuries: 'seriousInjuries' in changed ? serious : (all.seriousInjuries ?? 0),
              directLossFen: yuanToFen(
                'directLossYuan' in changed ? lossYuan : (all.directLossYuan ?? 0),
              ),
            });
            const after = suggestedAccidentLevel({
              deaths: all.deaths ?? 0,
              seriousInjuries: all.seriousInjuries ?? 0,
              directLossFen: yuanToFen(all.directLossYuan ?? 0),
            });
            if (all.level === before) form.setFieldValue('level', after);
          }
        }}
      >
        {editing ? (
          <Typography.Paragraph strong>{editing.enterpriseName}</Typography.Paragraph>
        ) : (
          <Form.Item
            label={t('accidents.enterprise')}
            name="enterpriseId"
            rules={[required(t('accidents.enterprise'))]}
          >
            <EnterpriseSelect placeholder={t('accidents.enterprisePlaceholder')} />
          </Form.Item>
        )}
        <Flex gap={12} wrap>
          <Form.Item
            label={t('accidents.occurredAt')}
            name="occurredAt"
            rules={[required(t('accidents.occurredAt'))]}
            style={{ minWidth: 220, flex: 1 }}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              inputReadOnly={!screens.md}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item
            label={t('accidents.type')}
            name="type"
            rules={[required(t('accidents.type'))]}
            style={{ minWidth: 220, flex: 1 }}
          >
            <Select<AccidentType>
              options={ACCIDENT_TYPES.map((v) => ({
                value: v,
                label: label(ACCIDENT_TYPE_LABELS[v]),
              }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item label={t('accidents.place')} name="place">
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12} wrap>
          <div style={{ flex: 1, minWidth: 140 }}>{count('deaths')}</div>
          <div style={{ flex: 1, minWidth: 140 }}>{count('seriousInjuries')}</div>
          <div style={{ flex: 1, minWidth: 140 }}>{count('minorInjuries')}</div>
        </Flex>
        <Form.Item
          label={t('accidents.directLoss')}
          name="directLossYuan"
          rules={[required(t('accidents.directLoss'))]}
        >
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('accidents.level')}
          name="level"
          rules={[required(t('accidents.level'))]}
          extra={t('accidents.suggested', { level: label(ACCIDENT_LEVEL_LABELS[suggested]) })}
        >
          <Select<AccidentLevel>
            options={ACCIDENT_LEVELS.map((v) => ({
              value: v,
              label: label(ACCIDENT_LEVEL_LABELS[v]),
            }))}
          />
        </Form.Item>
        {level && level !== suggested ? (
          <Form.Item
            label={t('accidents.levelReason')}
            name="levelReason"
            rules={[required(t('accidents.levelReason'))]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('accidents.report')}
          name="report"
          rules={[required(t('accidents.report'))]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
