import type { ReactNode } from 'react';
import { Button, Card, Flex, Input, Radio, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FINDING_PENALTY_DECISION_LABELS,
  FINDING_PENALTY_DECISIONS,
  HAZARD_LEVEL_LABELS,
  HAZARD_LEVELS,
  HAZARD_STATUS_LABELS,
  TREATMENT_LABELS,
  TREATMENTS,
  type FindingPenaltyDecision,
  type HazardLevel,
  type InspectionFormContext,
  type OpenHazardForRecord,
  type Treatment,
} from '@hazard-ledger/domain';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import type { FindingState } from './record-form';
import '../../../i18n/messages-enforcement-inspections';

type Props = {
  context: InspectionFormContext;
  findings: FindingState[];
  onChange: (next: FindingState[]) => void;
  onAdd: () => void;
  /** Error messages per finding index. */
  errors: ReadonlyMap<number, Map<string, string[]>>;
  large: boolean;
};

/** The no-penalty rule and its evaluation for a finding on a hazard the enterprise found itself. */
export function NoPenaltyNote({
  rule,
  evaluation,
}: {
  rule: string;
  evaluation: { applies: boolean; reasons: string[] };
}) {
  const { t } = useLocale();
  return (
    <InfoNote style={{ marginBottom: 0 }}>
      <Typography.Text strong>{rule}</Typography.Text>
      <div>
        <Tag color={evaluation.applies ? 'green' : 'default'}>
          {t(
            evaluation.applies
              ? 'inspections.noPenalty.applies'
              : 'inspections.noPenalty.notApplies',
          )}
        </Tag>
        {evaluation.reasons.join('；')}
      </div>
    </InfoNote>
  );
}

/** A field's error lines. */
function Errors({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <>
      {messages.map((m) => (
        <Typography.Text key={m} type="danger">
          {m}
        </Typography.Text>
      ))}
    </>
  );
}

/** A labelled field of a finding card. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {children}
    </Flex>
  );
}

/**
 * The findings of the visit, one card each: title, description, level, treatment, the catalog
 * item, the existing hazard it confirms, and the penalty decision (with the no-penalty rule when
 * the hazard is one the enterprise found itself).
 */
export function FindingsEditor({ context, findings, onChange, onAdd, errors, large }: Props) {
  const { t, label } = useLocale();
  const size = large ? ('large' as const) : undefined;
  const hazards = new Map(context.openHazards.map((h) => [h.id, h]));
  const update = (key: number, patch: Partial<FindingState>) =>
    onChange(findings.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const hazardLabel = (h: OpenHazardForRecord) =>
    `${h.number} ${h.title}（${label(HAZARD_LEVEL_LABELS[h.level])}，${label(HAZARD_STATUS_LABELS[h.status])}）`;

  return (
    <Flex vertical gap={12}>
      {findings.map((f, index) => {
        const e = errors.get(index) ?? new Map<string, string[]>();
        // The hazard this finding confirms: chosen, or the open one of the same item.
        const linked =
          (f.linkedHazardId !== null ? hazards.get(f.linkedHazardId) : undefined) ??
          (f.catalogItemCode
            ? context.openHazards.find((h) => h.catalogItemCode === f.catalogItemCode)
            : undefined);
        const n = index + 1;
        return (
          <Card
            key={f.key}
            size="small"
            title={t('inspections.form.findingNo', { no: n })}
            data-testid={`finding-${n}`}
            extra={
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange(findings.filter((x) => x.key !== f.key))}
              >
                {t('inspections.form.removeFinding')}
              </Button>
            }
          >
            <Flex vertical gap={10}>
              <Field label={t('inspections.form.title')}>
                <Input
                  aria-label={`${t('inspections.form.title')} ${n}`}
                  size={size}
                  value={f.title}
                  maxLength={100}
                  onChange={(ev) => update(f.key, { title: ev.target.value })}
                />
                <Errors messages={e.get('title')} />
              </Field>
              <Field label={t('inspections.form.description')}>
                <Input.TextArea
                  aria-label={`${t('inspections.form.description')} ${n}`}
                  value={f.description}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={4000}
                  onChange={(ev) => update(f.key, { description: ev.target.value })}
                />
                <Errors messages={e.get('description')} />
              </Field>
              <Flex wrap gap={16}>
                <Field label={t('inspections.form.level')}>
                  <Radio.Group
                    aria-label={`${t('inspections.form.level')} ${n}`}
                    optionType="button"
                    size={size}
                    value={f.level}
                    onChange={(ev) => update(f.key, { level: ev.target.value as HazardLevel })}
                    options={HAZARD_LEVELS.map((l) => ({
                      value: l,
                      label: label(HAZARD_LEVEL_LABELS[l]),
                    }))}
                  />
                </Field>
                <Field label={t('inspections.form.treatment')}>
                  <Radio.Group
                    aria-label={`${t('inspections.form.treatment')} ${n}`}
                    optionType="button"
                    size={size}
                    value={f.treatment}
                    onChange={(ev) => update(f.key, { treatment: ev.target.value as Treatment })}
                    options={TREATMENTS.map((v) => ({
                      value: v,
                      label: label(TREATMENT_LABELS[v]),
                    }))}
                  />
                </Field>
              </Flex>
              <Field label={t('inspections.form.catalogItem')}>
                <Select<string>
                  aria-label={`${t('inspections.form.catalogItem')} ${n}`}
                  size={size}
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('inspections.form.noCatalogItem')}
                  value={f.catalogItemCode ?? undefined}
                  onChange={(v) => update(f.key, { catalogItemCode: v ?? null })}
                  options={context.checklist.map((i) => ({
                    value: i.code,
                    label: `${i.code} ${i.title}`,
                  }))}
                />
                <Errors messages={e.get('catalogItemCode')} />
              </Field>
              <Field label={t('inspections.form.linkedHazard')}>
                <Select<number>
                  aria-label={`${t('inspections.form.linkedHazard')} ${n}`}
                  size={size}
                  allowClear
                  placeholder={t('inspections.form.linkedHazardHint')}
                  value={f.linkedHazardId ?? undefined}
                  onChange={(v) => update(f.key, { linkedHazardId: v ?? null })}
                  options={context.openHazards.map((h) => ({ value: h.id, label: hazardLabel(h) }))}
                />
                {f.linkedHazardId === null && linked ? (
                  <Typography.Text type="secondary">
                    {t('inspections.willLink', { number: linked.number })}
                  </Typography.Text>
                ) : null}
                <Errors messages={e.get('linkedHazardId')} />
              </Field>
              {linked?.selfFound ? (
                <NoPenaltyNote rule={context.noPenaltyRule} evaluation={linked.noPenalty} />
              ) : null}
              <Field label={t('inspections.form.penaltyDecision')}>
                <Select<FindingPenaltyDecision>
                  aria-label={`${t('inspections.form.penaltyDecision')} ${n}`}
                  size={size}
                  allowClear
                  value={f.penaltyDecision ?? undefined}
                  onChange={(v) => update(f.key, { penaltyDecision: v ?? null })}
                  options={FINDING_PENALTY_DECISIONS.map((d) => ({
                    value: d,
                    label: label(FINDING_PENALTY_DECISION_LABELS[d]),
                  }))}
                />
                <Errors messages={e.get('penaltyDecision')} />
                {f.penaltyDecision ? (
                  <Input.TextArea
                    aria-label={`${t('inspections.form.penaltyNote')} ${n}`}
                    placeholder={t('inspections.form.penaltyNote')}
                    value={f.penaltyNote}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={1000}
                    onChange={(ev) => update(f.key, { penaltyNote: ev.target.value })}
                  />
                ) : null}
                <Errors messages={e.get('penaltyNote')} />
              </Field>
            </Flex>
          </Card>
        );
      })}
      <Button icon={<PlusOutlined />} size={size} onClick={onAdd} block={large}>
        {t('inspections.form.addFinding')}
      </Button>
    </Flex>
  );
}
