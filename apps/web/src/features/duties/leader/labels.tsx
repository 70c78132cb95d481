import { Space, Tag, Tooltip } from 'antd';
import {
  DUTY_DAY_STATE_LABELS,
  KEY_PERIOD_STATE_LABELS,
  LEADER_INSPECTION_STATUS_LABELS,
  type DutyDay,
  type KeyPeriodState,
  type LeaderInspectionStatus,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-duty-leader';

/** One campaign month as the monthly-inspection rule sees it. */
export type MonthCheck = {
  month: string;
  due: boolean;
  signed: boolean;
  unsigned: boolean;
  missing: boolean;
};

/** "8月" (or "2026-08" across years) for a month 'YYYY-MM'. */
export function monthLabel(month: string, withYear = false): string {
  return withYear ? month : `${Number(month.slice(5, 7))}月`;
}

/** The state of a month as a coloured tag: inspected, missing, or not due yet. */
export function MonthTag({ check, withYear }: { check: MonthCheck; withYear?: boolean }) {
  const { t } = useLocale();
  const name = monthLabel(check.month, withYear);
  if (check.signed) {
    return (
      <Tag color="success" style={{ marginInlineEnd: 0 }}>
        {name} {t('leaderDuty.month.signed')}
      </Tag>
    );
  }
  if (check.missing) {
    return (
      <Tooltip title={check.unsigned ? t('leaderDuty.month.unsignedHint') : undefined}>
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {name}{' '}
          {check.unsigned ? t('leaderDuty.month.missingUnsigned') : t('leaderDuty.month.missing')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tag style={{ marginInlineEnd: 0 }}>
      {name}{' '}
      {check.unsigned ? t('leaderDuty.month.awaitingSignature') : t('leaderDuty.month.notDue')}
    </Tag>
  );
}

/** A row of month tags. */
export function MonthTags({ months, withYear }: { months: MonthCheck[]; withYear?: boolean }) {
  if (months.length === 0) return <>—</>;
  return (
    <Space size={[4, 4]} wrap>
      {months.map((m) => (
        <MonthTag key={m.month} check={m} withYear={withYear} />
      ))}
    </Space>
  );
}

/** Draft or signed. */
export function InspectionStatusTag({ status }: { status: LeaderInspectionStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={status === 'signed' ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
      {label(LEADER_INSPECTION_STATUS_LABELS[status])}
    </Tag>
  );
}

const DAY_COLORS: Record<DutyDay['state'], string | undefined> = {
  checked_in: 'success',
  missed: 'error',
  today: 'processing',
  upcoming: undefined,
};

/** A duty day's state. */
export function DutyDayTag({ state }: { state: DutyDay['state'] }) {
  const { label } = useLocale();
  return (
    <Tag color={DAY_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {label(DUTY_DAY_STATE_LABELS[state])}
    </Tag>
  );
}

/** A key period's state. */
export function PeriodStateTag({ state }: { state: KeyPeriodState }) {
  const { label } = useLocale();
  const color = state === 'ongoing' ? 'processing' : state === 'upcoming' ? 'blue' : undefined;
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {label(KEY_PERIOD_STATE_LABELS[state])}
    </Tag>
  );
}
