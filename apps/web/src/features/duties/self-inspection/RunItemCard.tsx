import { useEffect, useRef, useState } from 'react';
import { Button, Flex, Grid, Input, Radio, Tag, Typography } from 'antd';
import { CheckOutlined, LoadingOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  SELF_INSPECTION_ANSWER_LABELS,
  SELF_INSPECTION_ANSWERS,
  SELF_INSPECTION_ITEM_ISSUE_LABELS,
  selfInspectionAnswerSchema,
  type SelfInspectionAnswer,
  type SelfInspectionDetail,
  type SelfInspectionItem,
} from '@hazard-ledger/domain';
import { answerSelfInspectionItem } from '../../../api/self-inspections-api';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { ItemPhotos } from './ItemPhotos';
import { detailedMessage } from './run-errors';
import type { RunChange } from './run-saver';
import { SelfInspectionAnswerTag } from './self-inspection-labels';

type Draft = {
  answer: SelfInspectionAnswer | null;
  note: string;
  description: string;
  naReason: string;
};

const draftOf = (item: SelfInspectionItem): Draft => ({
  answer: item.answer,
  note: item.note ?? '',
  description: item.description ?? '',
  naReason: item.naReason ?? '',
});

const sameDraft = (a: Draft, b: Draft) =>
  a.answer === b.answer &&
  a.note === b.note &&
  a.description === b.description &&
  a.naReason === b.naReason;

type Props = {
  runId: number;
  item: SelfInspectionItem;
  /** Position in the checklist (序号). */
  index: number;
  canAnswer: boolean;
  canPhoto: boolean;
  save: (change: RunChange) => Promise<SelfInspectionDetail>;
};

/**
 * One checklist item: its criteria text and the answer. 符合 saves at once; 存在问题 and 不适用
 * save when their text is complete (on leaving the field, or with 保存本项). Read-only once the
 * run is submitted, then linking to the hazard the problem became.
 */
export function RunItemCard({ runId, item, index, canAnswer, canPhoto, save }: Props) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const lastSaved = useRef<Draft>(draftOf(item));

  // Adopt the server's answer when it changes, unless the user is editing this item.
  const serverDraft = draftOf(item);
  useEffect(() => {
    const incoming = draftOf(item);
    setDraft((prev) => (sameDraft(prev, lastSaved.current) ? incoming : prev));
    lastSaved.current = incoming;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compare by the saved values only
  }, [item.answer, item.note, item.description, item.naReason]);

  const dirty = !sameDraft(draft, serverDraft);

  const persist = (next: Draft, showErrors: boolean) => {
    if (!next.answer) return;
    const parsed = selfInspectionAnswerSchema.safeParse({
      answer: next.answer,
      note: next.note.trim() || null,
      description: next.description.trim() || null,
      naReason: next.naReason.trim() || null,
      version: 1,
    });
    if (!parsed.success) {
      if (showErrors) {
        setErrors(
          Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])),
        );
      }
      return;
    }
    setErrors({});
    setSaveError(null);
    setSaving(true);
    const { version: _v, ...body } = parsed.data;
    save((version) => answerSelfInspectionItem(runId, item.code, { ...body, version }))
      .then((saved) => {
        // Show what was stored (trimmed, fields of other answers dropped) unless the user has
        // typed on meanwhile.
        const stored = saved.items.find((i) => i.code === item.code);
        if (stored) setDraft((prev) => (sameDraft(prev, next) ? draftOf(stored) : prev));
      })
      .catch((e: unknown) => setSaveError(detailedMessage(e, t('common.unexpectedError'))))
      .finally(() => setSaving(false));
  };

  const choose = (answer: SelfInspectionAnswer) => {
    const next = { ...draft, answer };
    setDraft(next);
    setErrors({});
    // 符合 needs nothing more; the others save once their text is there.
    persist(next, false);
  };
  const onBlur = () => {
    if (dirty) persist(draft, true);
  };

  const heading = (
    <Flex gap={8} wrap align="baseline">
      <Typography.Text type="secondary">{index + 1}.</Typography.Text>
      <Typography.Text strong>
        {item.clause} {item.title}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
        {item.code}
      </Typography.Text>
    </Flex>
  );

  const status = saving ? (
    <Typography.Text type="secondary">
      <LoadingOutlined /> {t('selfInspections.run.saving')}
    </Typography.Text>
  ) : dirty ? (
    <Typography.Text type="warning">{t('selfInspections.run.unsaved')}</Typography.Text>
  ) : item.answeredAt ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <CheckOutlined /> {t('selfInspections.run.saved')}{' '}
      {t('selfInspections.run.answeredBy', {
        name: item.answeredByName ?? '',
        at: formatDateTime(item.answeredAt),
      })}
    </Typography.Text>
  ) : null;

  const issues = dirty ? [] : item.issues.filter((i) => i !== 'unanswered');
  const fieldError = (name: string) =>
    errors[name] ? (
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {errors[name]}
      </Typography.Text>
    ) : null;

  return (
    <article
      aria-label={`${item.clause} ${item.title}`}
      data-code={item.code}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <Flex vertical gap={8}>
        {heading}
        {item.requirement ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
            {item.requirement}
          </Typography.Paragraph>
        ) : null}
        {canAnswer ? (
          <>
            <Radio.Group
              aria-label={`${item.code} ${t('selfInspections.col.status')}`}
              optionType="button"
              buttonStyle="solid"
              size={screens.md ? 'middle' : 'large'}
              value={draft.answer}
              onChange={(e) => choose(e.target.value as SelfInspectionAnswer)}
              options={SELF_INSPECTION_ANSWERS.map((a) => ({
                value: a,
                label: label(SELF_INSPECTION_ANSWER_LABELS[a]),
              }))}
            />
            {draft.answer === 'problem' ? (
              <Flex vertical gap={4}>
                <Typography.Text>{t('selfInspections.run.description')}</Typography.Text>
                <Input.TextArea
                  aria-label={`${item.code} ${t('selfInspections.run.description')}`}
                  rows={3}
                  maxLength={2000}
                  placeholder={t('selfInspections.run.descriptionPlaceholder')}
                  value={draft.description}
                  status={errors.description ? 'error' : undefined}
                  onChange={(e) => setDraft({ ...draft, description: e.target.value })}
                  onBlur={onBlur}
                />
                {fieldError('description')}
                <Typography.Text>{t('selfInspections.run.photos')}</Typography.Text>
                <ItemPhotos runId={runId} item={item} canEdit={canPhoto} save={save} />
              </Flex>
            ) : null}
            {draft.answer === 'not_applicable' ? (
              <Flex vertical gap={4}>
                <Typography.Text>{t('selfInspections.run.naReason')}</Typography.Text>
                <Input
                  aria-label={`${item.code} ${t('selfInspections.run.naReason')}`}
                  maxLength={200}
                  value={draft.naReason}
                  status={errors.naReason ? 'error' : undefined}
                  onChange={(e) => setDraft({ ...draft, naReason: e.target.value })}
                  onBlur={onBlur}
                />
                {fieldError('naReason')}
              </Flex>
            ) : null}
            {draft.answer ? (
              <Input
                aria-label={`${item.code} ${t('selfInspections.run.note')}`}
                placeholder={t('selfInspections.run.note')}
                maxLength={500}
                value={draft.note}
                onChange={(e) => setDraft({ ...draft, note: e.target.value })}
                onBlur={onBlur}
              />
            ) : null}
            <Flex gap={8} wrap align="center">
              {dirty && draft.answer ? (
                <Button size="small" type="primary" onClick={() => persist(draft, true)}>
                  {t('selfInspections.run.saveItem')}
                </Button>
              ) : null}
              {status}
            </Flex>
          </>
        ) : (
          <ReadOnlyAnswer runId={runId} item={item} />
        )}
        {issues.length > 0 ? (
          <Flex gap={4} wrap>
            {issues.map((i) => (
              <Tag key={i} color="warning" style={{ marginInlineEnd: 0 }}>
                {label(SELF_INSPECTION_ITEM_ISSUE_LABELS[i])}
              </Tag>
            ))}
          </Flex>
        ) : null}
        {saveError ? (
          <Typography.Text type="danger" role="alert">
            {saveError}
          </Typography.Text>
        ) : null}
      </Flex>
    </article>
  );
}

function ReadOnlyAnswer({ runId, item }: { runId: number; item: SelfInspectionItem }) {
  const { t } = useLocale();
  if (!item.answer) {
    return <Tag style={{ marginInlineEnd: 0, alignSelf: 'flex-start' }}>—</Tag>;
  }
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} wrap align="center">
        <SelfInspectionAnswerTag answer={item.answer} />
        {item.hazardId ? (
          <Link to={`/hazards/${item.hazardId}`}>
            {t('selfInspections.run.hazard', {
              number: item.hazardNumber ?? String(item.hazardId),
            })}
          </Link>
        ) : null}
      </Flex>
      {item.description ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('selfInspections.run.description')}：{item.description}
        </Typography.Paragraph>
      ) : null}
      {item.naReason ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('selfInspections.run.naReason')}：{item.naReason}
        </Typography.Paragraph>
      ) : null}
      {item.note ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {item.note}
        </Typography.Paragraph>
      ) : null}
      {item.photos.length > 0 ? (
        <ItemPhotos runId={runId} item={item} canEdit={false} save={() => Promise.resolve()} />
      ) : null}
    </Flex>
  );
}
