import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import dayjs from 'dayjs';
import {
  HAZARD_STATUS_LABELS,
  type FieldError,
  type InspectionFormContext,
  type InspectionRecordDetail,
  type OpenHazardForRecord,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { createInspection, inspectionKeys, updateInspection } from '../../../api/inspections-api';
import { applyFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { HazardLevelTag } from '../../hazards/hazard-labels';
import { useLocale } from '../../../i18n/locale-context';
import { ChecklistEditor } from './ChecklistEditor';
import { FindingsEditor, NoPenaltyNote } from './FindingsEditor';
import {
  type CheckState,
  checkDraft,
  type FindingState,
  HEADER_FIELDS,
  type HeaderValues,
  messagesAt,
  newFinding,
  stateOfRecord,
  toDraft,
} from './record-form';
import '../../../i18n/messages-catalog';

type Props = {
  context: InspectionFormContext;
  /** The draft being edited; a new record when absent. */
  record?: InspectionRecordDetail;
  planId: number | null;
  targetId: number | null;
};

/** Errors of the last save, with the checklist order they refer to. */
type ErrorState = { errors: FieldError[]; checklistCodes: string[] };

/**
 * The record form, phone first: inspectors (me and certified colleagues), time and place, the
 * checklist, the findings and the enterprise's open hazards to link them to. Checked with the
 * domain rules before it is sent; the server's field errors land on the same fields.
 */
export function RecordForm({ context, record, planId, targetId }: Props) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const large = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<HeaderValues>();
  const initial = useMemo(() => (record ? stateOfRecord(record) : null), [record]);
  const [checks, setChecks] = useState<CheckState>(initial?.checks ?? {});
  const [findings, setFindings] = useState<FindingState[]>(initial?.findings ?? []);
  const [errorState, setErrorState] = useState<ErrorState>({ errors: [], checklistCodes: [] });
  const [formError, setFormError] = useState<string | null>(null);

  const people = [...(context.me ? [context.me] : []), ...context.colleagues];
  const defaultInspectors = [
    ...new Set([
      ...(context.me ? [context.me.userId] : []),
      ...context.proposedInspectorIds.filter((id) => people.some((p) => p.userId === id)),
    ]),
  ];
  const initialValues: HeaderValues = record
    ? {
        inspectorUserIds: record.inspectors.map((i) => i.userId),
        startedAt: dayjs(record.startedAt),
        endedAt: dayjs(record.endedAt),
        place: record.place,
        enterprisePresent: record.enterprisePresent ?? '',
      }
    : {
        inspectorUserIds: defaultInspectors,
        startedAt: dayjs().subtract(1, 'hour').startOf('minute'),
        endedAt: dayjs().startOf('minute'),
        place: context.enterprise.address ?? '',
        enterprisePresent: '',
      };

  const showErrors = (errors: FieldError[], checklistCodes: string[], fallback?: string) => {
    const unmatched = applyFieldErrors(form, errors, HEADER_FIELDS);
    const inline = unmatched.filter(
      (e) => e.path.startsWith('checklist.') || e.path.startsWith('findings.'),
    );
    setErrorState({ errors: inline, checklistCodes });
    const other = unmatched.filter((e) => !inline.includes(e)).map((e) => e.message);
    setFormError(
      other.join('；') ||
        fallback ||
        (errors.length ? t('inspections.form.hasErrors', { count: errors.length }) : null),
    );
  };

  const mutation = useMutation({
    mutationFn: async (values: HeaderValues) => {
      const draft = toDraft(context, { planId, targetId }, values, checks, findings);
      const codes = draft.checklist.map((c) => c.catalogItemCode);
      const checked = checkDraft(context, draft, t('common.invalidField'));
      if (!checked.ok) {
        showErrors(checked.errors, codes);
        return null;
      }
      try {
        return record
          ? await updateInspection(record.id, { ...checked.data, version: record.version })
          : await createInspection(checked.data);
      } catch (e) {
        if (e instanceof ApiError)
          showErrors(e.fields, codes, e.fields.length ? undefined : e.message);
        else setFormError(t('common.unexpectedError'));
        return null;
      }
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      queryClient.setQueryData(inspectionKeys.record(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: [...inspectionKeys.all, 'list'] });
      void message.success(t('inspections.form.saved'));
      await navigate(`/inspections/${saved.id}`);
    },
  });

  // Error messages by checklist code and by finding index and field.
  const checkErrors = new Map<string, string[]>();
  errorState.checklistCodes.forEach((code, i) => {
    const m = messagesAt(errorState.errors, `checklist.${i}`);
    if (m.length) checkErrors.set(code, m);
  });
  const findingErrors = new Map<number, Map<string, string[]>>();
  for (const e of errorState.errors) {
    const match = /^findings\.(\d+)(?:\.(\w+))?/.exec(e.path);
    if (!match) continue;
    const byField = findingErrors.get(Number(match[1])) ?? new Map<string, string[]>();
    const field = match[2] ?? 'title';
    byField.set(field, [...new Set([...(byField.get(field) ?? []), e.message])]);
    findingErrors.set(Number(match[1]), byField);
  }

  const cited = new Set(findings.map((f) => f.catalogItemCode).filter((c): c is string => !!c));
  const addFindingFor = (code: string) => {
    const item = context.checklist.find((i) => i.code === code);
    setFindings((fs) => [...fs, newFinding({ catalogItemCode: code, title: item?.title ?? '' })]);
  };
  const addFromHazard = (h: OpenHazardForRecord) => {
    const code = context.checklist.some((i) => i.code === h.catalogItemCode)
      ? h.catalogItemCode
      : null;
    setFindings((fs) => [
      ...fs,
      newFinding({
        title: h.title,
        description: h.title,
        level: h.level,
        catalogItemCode: code,
        linkedHazardId: h.id,
      }),
    ]);
    // The item of a confirmed hazard is a problem found on this visit.
    if (code && !checks[code])
      setChecks((c) => ({ ...c, [code]: { result: 'problem', note: '' } }));
  };

  const size = large ? ('large' as const) : undefined;
  const half = { xs: 24, md: 12 };
  const linkedIds = new Set(findings.map((f) => f.linkedHazardId));

  return (
    <Form<HeaderValues>
      form={form}
      name="inspectionRecord"
      layout="vertical"
      size={size}
      initialValues={initialValues}
      onFinish={(values) => {
        setFormError(null);
        mutation.mutate(values);
      }}
      onValuesChange={() => setFormError(null)}
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Card size="small" title={t('inspections.section.basic')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('inspections.form.enterprise')}：</Typography.Text>
          <Typography.Text strong>{context.enterprise.name}</Typography.Text>
          {planId ? (
            <Tag style={{ marginInlineStart: 8 }}>
              {t('inspections.form.fromPlan', { plan: planId })}
            </Tag>
          ) : null}
        </Typography.Paragraph>
        {context.me ? null : <InfoNote>{t('inspections.form.noCertificate')}</InfoNote>}
        <Form.Item
          name="inspectorUserIds"
          label={t('inspections.form.inspectors')}
          rules={[
            {
              required: true,
              message: t('inspections.form.required', { field: t('inspections.form.inspectors') }),
            },
          ]}
        >
          <Select<number[]>
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={people.map((p) => ({
              value: p.userId,
              label: `${p.name}（${t('inspections.certificate', { no: p.certificateNo })}）`,
            }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="startedAt" label={t('inspections.form.startedAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="endedAt" label={t('inspections.form.endedAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="place" label={t('inspections.form.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="enterprisePresent" label={t('inspections.form.present')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card
        size="small"
        title={t('inspections.form.openHazards', { count: context.openHazards.length })}
        style={{ marginBottom: 16 }}
      >
        {context.openHazards.length === 0 ? (
          <Typography.Text type="secondary">{t('inspections.form.noOpenHazards')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={context.openHazards}
            rowKey="id"
            renderItem={(h) => (
              <List.Item style={{ display: 'block' }}>
                <Flex vertical gap={4}>
                  <Flex wrap gap={6} align="center">
                    <Typography.Text strong>{h.number}</Typography.Text>
                    <Typography.Text>{h.title}</Typography.Text>
                    <HazardLevelTag level={h.level} />
                    <Tag style={{ marginInlineEnd: 0 }}>
                      {label(HAZARD_STATUS_LABELS[h.status])}
                    </Tag>
                    {h.selfFound ? (
                      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                        {t('inspections.form.selfFound')}
                      </Tag>
                    ) : null}
                    {h.catalogItemCode ? (
                      <Typography.Text type="secondary">{h.catalogItemCode}</Typography.Text>
                    ) : null}
                  </Flex>
                  {h.selfFound && h.level === 'major' ? (
                    <NoPenaltyNote rule={context.noPenaltyRule} evaluation={h.noPenalty} />
                  ) : null}
                  <div>
                    <Button
                      size="small"
                      disabled={linkedIds.has(h.id)}
                      onClick={() => addFromHazard(h)}
                    >
                      {t('inspections.form.useHazard')}
                    </Button>
                  </div>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title={t('inspections.form.checklist')} style={{ marginBottom: 16 }}>
        <ChecklistEditor
          items={context.checklist}
          checks={checks}
          onChange={setChecks}
          citedCodes={cited}
          onAddFinding={addFindingFor}
          errors={checkErrors}
          large={large}
        />
        {messagesAt(
          errorState.errors.filter((e) => e.path === 'checklist'),
          'checklist',
        ).map((m) => (
          <Typography.Text key={m} type="danger">
            {m}
          </Typography.Text>
        ))}
      </Card>

      <Card size="small" title={t('inspections.form.findings')} style={{ marginBottom: 16 }}>
        <FindingsEditor
          context={context}
          findings={findings}
          onChange={setFindings}
          onAdd={() => setFindings((fs) => [...fs, newFinding()])}
          errors={findingErrors}
          large={large}
        />
      </Card>

      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block={large}
        loading={mutation.isPending}
      >
        {t('inspections.form.save')}
      </Button>
    </Form>
  );
}
