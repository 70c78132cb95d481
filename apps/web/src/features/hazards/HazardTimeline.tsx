import { Flex, Timeline, Typography } from 'antd';
import {
  HAZARD_ACTION_LABELS,
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  ROLE_LABELS,
  SUPERVISION_LABELS,
  type HazardEvent,
  type HazardLevel,
  type Role,
  type SupervisionLevel,
} from '@hazard-ledger/domain';
import { formatDateTime } from '../../components/format';
import { useLocale, type LocaleContextValue } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import { FILE_KIND_KEYS } from './HazardFiles';
import type { HazardFileKind } from '../../api/hazards-api';

type RecordingEvent = 'created' | 'edited' | 'plan_saved' | 'file_added';

const RECORDING_KEYS: Record<RecordingEvent, MessageKey> = {
  created: 'hazards.event.created',
  edited: 'hazards.event.edited',
  plan_saved: 'hazards.event.plan_saved',
  file_added: 'hazards.event.file_added',
};

/** Stored column names (as the edit and plan events list them) → the field labels of the UI. */
const COLUMN_KEYS: Record<string, MessageKey> = {
  title: 'hazards.titleField',
  description: 'hazards.description',
  place: 'hazards.place',
  cause_analysis: 'hazards.causeAnalysis',
  category: 'hazards.category',
  plan_responsible: 'hazards.plan.responsiblePerson',
  plan_measures: 'hazards.plan.measures',
  plan_funds_fen: 'hazards.plan.funds',
  plan_funds_source: 'hazards.plan.fundsSource',
  deadline: 'hazards.plan.deadline',
  plan_emergency: 'hazards.plan.emergencyMeasures',
};

function isRecording(action: HazardEvent['action']): action is RecordingEvent {
  return action in RECORDING_KEYS;
}

/** The title of an event: the action's label (HAZARD_ACTION_LABELS) or a recording event's. */
export function eventLabel(
  action: HazardEvent['action'],
  { t, label }: Pick<LocaleContextValue, 't' | 'label'>,
): string {
  return isRecording(action) ? t(RECORDING_KEYS[action]) : label(HAZARD_ACTION_LABELS[action]);
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** The lines worth showing from an event's details (payload or changes). */
export function eventDetails(
  e: HazardEvent,
  { t, label }: Pick<LocaleContextValue, 't' | 'label'>,
): string[] {
  const d = e.details ?? {};
  const lines: string[] = [];
  if (e.action === 'created') return lines;
  if (e.action === 'file_added') {
    const kind = d.kind as HazardFileKind | undefined;
    const name = text(d.fileName);
    if (kind && kind in FILE_KIND_KEYS) {
      lines.push(`${t(FILE_KIND_KEYS[kind])}${name ? `：${name}` : ''}`);
    } else if (name) lines.push(name);
    return lines;
  }
  if (e.action === 'edited' || e.action === 'plan_saved') {
    const fields = Object.keys(d)
      .map((k) => (COLUMN_KEYS[k] ? t(COLUMN_KEYS[k]) : null))
      .filter((x): x is string => x !== null);
    if (fields.length > 0) lines.push(t('hazards.event.changed', { fields: fields.join('、') }));
    return lines;
  }
  const description = text(d.description);
  if (description) lines.push(description);
  if (typeof d.newDeadline === 'string') {
    lines.push(`${t('hazards.action.newDeadline')}：${d.newDeadline}`);
  }
  if (typeof d.approve === 'boolean') {
    lines.push(d.approve ? t('hazards.action.approveYes') : t('hazards.action.approveNo'));
  }
  if (typeof d.level === 'string' && d.level in HAZARD_LEVEL_LABELS) {
    lines.push(
      `${t('hazards.action.newLevel')}：${label(HAZARD_LEVEL_LABELS[d.level as HazardLevel])}`,
    );
  }
  if (typeof d.supervisionLevel === 'string' && d.supervisionLevel in SUPERVISION_LABELS) {
    lines.push(label(SUPERVISION_LABELS[d.supervisionLevel as SupervisionLevel]));
  }
  if (Array.isArray(d.attachmentIds) && d.attachmentIds.length > 0) {
    lines.push(t('hazards.event.attachments', { n: d.attachmentIds.length }));
  }
  // The comment of an action is stored as its reason; show it once.
  const comment = text(d.comment);
  if (comment && comment !== e.reason) lines.push(comment);
  return lines;
}

const DANGER: readonly string[] = ['reject_fix', 'return_plan'];
const QUIET: readonly string[] = ['edited', 'plan_saved', 'file_added'];

/** The hazard's history as a timeline: action, actor and role, time, reason, details. */
export function HazardTimeline({ history }: { history: readonly HazardEvent[] }) {
  const locale = useLocale();
  const { t, label } = locale;
  return (
    <Timeline
      items={history.map((e) => {
        const moved = e.fromStatus !== null && e.fromStatus !== e.toStatus;
        const details = eventDetails(e, locale);
        return {
          key: e.id,
          color:
            e.action === 'verify'
              ? 'green'
              : DANGER.includes(e.action)
                ? 'red'
                : QUIET.includes(e.action)
                  ? 'gray'
                  : 'blue',
          content: (
            <Flex vertical gap={2} data-event={e.action}>
              <Flex wrap gap={6} align="baseline">
                <Typography.Text strong>{eventLabel(e.action, locale)}</Typography.Text>
                {moved ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('hazards.event.status', {
                      from: label(HAZARD_STATUS_LABELS[e.fromStatus!]),
                      to: label(HAZARD_STATUS_LABELS[e.toStatus]),
                    })}
                  </Typography.Text>
                ) : null}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actorName ?? t('hazards.event.system')}
                {e.actorRole && e.actorRole in ROLE_LABELS
                  ? `（${label(ROLE_LABELS[e.actorRole as Role])}）`
                  : ''}
                {' · '}
                {formatDateTime(e.at)}
              </Typography.Text>
              {e.reason ? (
                <Typography.Text>{t('hazards.event.reason', { text: e.reason })}</Typography.Text>
              ) : null}
              {details.map((line, i) => (
                <Typography.Text key={i} type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                  {line}
                </Typography.Text>
              ))}
            </Flex>
          ),
        };
      })}
    />
  );
}
