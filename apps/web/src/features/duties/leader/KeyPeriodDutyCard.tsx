import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Collapse,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Table,
  Typography,
} from 'antd';
import { CheckCircleOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  dutyCheckInInputSchema,
  dutyRosterInputSchema,
  type DutyDay,
  type FieldError,
  type KeyPeriodView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { checkInOnDuty, leaderDutyKeys, saveDutyRoster } from '../../../api/leader-duties-api';
import { applyNestedFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { SectorTags } from '../../catalogs/labels';
import { DutyDayTag, PeriodStateTag } from './labels';

type Props = {
  period: KeyPeriodView;
  /** Show the days folded (the enterprise page's summary) or open (the key periods page). */
  folded?: boolean;
};

/**
 * One key period as an enterprise lives it: the leader on duty for each day, the day's state
 * (checked in / missed / today / upcoming), the roster form and today's check-in.
 */
export function KeyPeriodDutyCard({ period, folded }: Props) {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const [roster, setRoster] = useState(0);
  const [checkIn, setCheckIn] = useState<DutyDay | null>(null);
  const duty = period.duty;
  if (!duty) return null;
  const today = duty.days.find((d) => d.state === 'today');
  const canRoster = duty.canRecord && period.state !== 'ended';

  const days = (
    <Table<DutyDay>
      rowKey="date"
      size="small"
      pagination={false}
      dataSource={duty.days}
      columns={[
        { title: t('keyPeriod.date'), dataIndex: 'date', width: 110 },
        {
          title: t('keyPeriod.leaderOnDuty'),
          key: 'leader',
          render: (_: unknown, d) =>
            d.leaderName ? (
              <span>
                {d.leaderName}
                {d.leaderPhone && screens.sm ? (
                  <Typography.Text type="secondary"> {d.leaderPhone}</Typography.Text>
                ) : null}
              </span>
            ) : (
              <Typography.Text type="warning">{t('keyPeriod.noLeader')}</Typography.Text>
            ),
        },
        {
          title: t('keyPeriod.checkIn'),
          key: 'state',
          render: (_: unknown, d) => (
            <Flex vertical gap={2} align="flex-start">
              <DutyDayTag state={d.state} />
              {d.checkIn ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.checkIn.personName} {formatDateTime(d.checkIn.at).slice(11)}
                  {d.checkIn.note ? ` · ${d.checkIn.note}` : ''}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
      ]}
    />
  );

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} wrap align="center">
          <span>{period.name}</span>
          <PeriodStateTag state={period.state} />
        </Flex>
      }
      extra={
        canRoster ? (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setRoster((n) => n + 1)}>
            {t('keyPeriod.roster')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {t('keyPeriod.line', {
            start: period.startDate,
            end: period.endDate,
            days: period.dayCount,
            org: period.orgUnitName,
          })}
        </Typography.Text>
        <SectorTags sectors={period.sectors} />
        {period.note ? <Typography.Text>{period.note}</Typography.Text> : null}
        {duty.missedDays > 0 ? (
          <Alert type="error" showIcon title={t('keyPeriod.missedAlert', { n: duty.missedDays })} />
        ) : null}
        {duty.daysWithoutLeader > 0 && period.state !== 'ended' ? (
          <Alert
            type="warning"
            showIcon
            title={t('keyPeriod.noLeaderAlert', { n: duty.daysWithoutLeader })}
          />
        ) : null}
        {today && duty.canRecord ? (
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            onClick={() => setCheckIn(today)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('keyPeriod.checkInToday')}
          </Button>
        ) : null}
        {folded ? (
          <Collapse
            size="small"
            items={[{ key: 'days', label: t('keyPeriod.days'), children: days }]}
          />
        ) : (
          days
        )}
      </Flex>
      {roster > 0 ? (
        <RosterDrawer key={roster} period={period} onClose={() => setRoster(0)} />
      ) : null}
      {checkIn ? (
        <CheckInModal period={period} day={checkIn} onClose={() => setCheckIn(null)} />
      ) : null}
    </Card>
  );
}

type RosterValues = { days?: { leaderName?: string; leaderPhone?: string }[] };

/** Names the leader on duty for each day; past days are shown but locked. */
function RosterDrawer({ period, onClose }: { period: KeyPeriodView; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<RosterValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const duty = period.duty!;
  // Days already over keep their roster (the server refuses a change to them).
  const todayDate = dayjs().format('YYYY-MM-DD');
  const locked = (d: DutyDay) => d.date < todayDate;

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const paths = errors.map((e) => ({ ...e, path: e.path.replace(/^entries/, 'days') }));
    const rest = applyNestedFieldErrors(form, paths, ['days.*.leaderName', 'days.*.leaderPhone']);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const save = useMutation({
    mutationFn: async (v: RosterValues) => {
      const entries = duty.days
        .map((d, i) => {
          const row = v.days?.[i];
          if (locked(d)) {
            return d.leaderName
              ? { date: d.date, leaderName: d.leaderName, leaderPhone: d.leaderPhone }
              : null;
          }
          const name = row?.leaderName?.trim();
          return name
            ? { date: d.date, leaderName: name, leaderPhone: row?.leaderPhone?.trim() || null }
            : null;
        })
        .filter((e) => e !== null);
      const parsed = dutyRosterInputSchema.safeParse({ entries });
      if (!parsed.success) {
        // Map entry indexes back to the day rows.
        const errs = zodFieldErrors(parsed.error, t('common.invalidField')).map((e) => {
          const m = /^entries\.(\d+)\.(.*)$/.exec(e.path);
          if (!m) return e;
          const day = duty.days.findIndex((d) => d.date === entries[Number(m[1])]?.date);
          return { ...e, path: `days.${day}.${m[2]}` };
        });
        showErrors(errs);
        return null;
      }
      return saveDutyRoster(duty.enterpriseId, period.id, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('keyPeriod.rosterSaved'));
      await queryClient.invalidateQueries({ queryKey: leaderDutyKeys.all });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('keyPeriod.rosterTitle', { name: period.name })}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Typography.Paragraph type="secondary">{t('keyPeriod.rosterHint')}</Typography.Paragraph>
      <Form<RosterValues>
        form={form}
        layout="vertical"
        initialValues={{
          days: duty.days.map((d) => ({
            leaderName: d.leaderName ?? '',
            leaderPhone: d.leaderPhone ?? '',
          })),
        }}
        onFinish={(v) => {
          setFormError(null);
          save.mutate(v);
        }}
      >
        {duty.days.map((d, i) => (
          <Flex key={d.date} gap={8} wrap align="flex-start">
            <Form.Item
              label={d.date}
              name={['days', i, 'leaderName']}
              style={{ flex: 2, minWidth: 160, marginBottom: 12 }}
            >
              <Input
                maxLength={50}
                disabled={locked(d)}
                placeholder={t('keyPeriod.leaderOnDuty')}
                aria-label={t('keyPeriod.leaderOfDay', { date: d.date })}
              />
            </Form.Item>
            <Form.Item
              label={t('keyPeriod.phone')}
              name={['days', i, 'leaderPhone']}
              style={{ flex: 1, minWidth: 140, marginBottom: 12 }}
            >
              <Input maxLength={20} disabled={locked(d)} inputMode="tel" />
            </Form.Item>
          </Flex>
        ))}
      </Form>
    </Drawer>
  );
}

/** Today's on-duty check-in: who is on duty (the rostered leader by default) and a note. */
function CheckInModal({
  period,
  day,
  onClose,
}: {
  period: KeyPeriodView;
  day: DutyDay;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ personName?: string; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (v: { personName?: string; note?: string }) => {
      const parsed = dutyCheckInInputSchema.safeParse({
        date: day.date,
        personName: v.personName?.trim() ?? '',
        note: v.note?.trim() ? v.note.trim() : null,
      });
      if (!parsed.success) {
        setError(zodFieldErrors(parsed.error, t('common.invalidField'))[0]?.message ?? null);
        return null;
      }
      return checkInOnDuty(period.duty!.enterpriseId, period.id, parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('keyPeriod.checkedIn'));
      await queryClient.invalidateQueries({ queryKey: leaderDutyKeys.all });
      onClose();
    },
    onError: (e) => {
      setError(
        e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : t('common.unexpectedError'),
      );
    },
  });
  return (
    <Modal
      open
      title={t('keyPeriod.checkInTitle', { date: day.date })}
      okText={t('keyPeriod.checkInOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ personName: day.leaderName ?? '' }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <Form.Item
          label={t('keyPeriod.personOnDuty')}
          name="personName"
          rules={[{ required: true, whitespace: true, message: t('keyPeriod.personRequired') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t('keyPeriod.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
