import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Select,
  Upload,
} from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DANGEROUS_OPERATION_CLAUSE_LABELS,
  DANGEROUS_OPERATION_CLAUSES,
  DISHONESTY_LIST_DEFAULT_YEARS,
  dishonestyPeriodEnd,
  ENFORCEMENT_MEASURE_DEFAULT_BASIS,
  ENFORCEMENT_MEASURE_KINDS,
  ENFORCEMENT_MEASURE_LABELS,
  enforcementMeasureSchema,
  ErrorCode,
  JOINT_PUNISHMENT_MEASURE_LABELS,
  JOINT_PUNISHMENT_MEASURES,
  leaderBanEnd,
  REFERRAL_OFFENCE_LABELS,
  REFERRAL_OFFENCES,
  REFERRAL_ORGAN_LABELS,
  REFERRAL_ORGANS,
  type EnforcementMeasure,
  type EnforcementMeasureKind,
  type EnforcementMeasureView,
  type FieldError,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../components/ErrorAlert';
import {
  createMeasure,
  listPenaltyCases,
  penaltyKeys,
  updateMeasure,
  uploadMeasureDocument,
  type MeasureDocument,
} from '../../../api/penalties-api';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import '../../../i18n/messages-enforcement-penalties';

type Values = Record<string, unknown> & { kind?: EnforcementMeasureKind };

/** Fields holding dates (Dayjs in the form, YYYY-MM-DD in the measure). */
const DATE_FIELDS = [
  'date',
  'startDate',
  'liftedOn',
  'closureDecidedOn',
  'entryDate',
  'removalDate',
] as const;
const TEXT_FIELDS = [
  'basis',
  'documentNo',
  'note',
  'scope',
  'intervieweeName',
  'intervieweePosition',
  'conductedBy',
  'departments',
  'proposedTo',
  'leaderName',
  'receivingCaseNo',
] as const;
const FIELDS = [
  ...DATE_FIELDS,
  ...TEXT_FIELDS,
  'kind',
  'penaltyCaseId',
  'measures',
  'offence',
  'dangerousOperationClause',
  'organ',
  'periodYears',
  'documentIds',
];

/** Which extra fields each kind has (beyond date, basis, document number, case, note). */
const KIND_FIELDS: Record<EnforcementMeasureKind, readonly string[]> = {
  notification: ['scope'],
  interview: ['intervieweeName', 'intervieweePosition', 'conductedBy'],
  joint_punishment: ['measures', 'departments'],
  suspension: ['startDate', 'liftedOn'],
  closure_proposal: ['proposedTo', 'leaderName', 'closureDecidedOn'],
  judicial_referral: ['offence', 'dangerousOperationClause', 'organ', 'receivingCaseNo'],
  dishonesty_list: ['entryDate', 'periodYears', 'removalDate'],
};

const iso = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : null);

/** The measure the form describes, for the shared schema to check. */
function toMeasure(
  v: Values,
  enterpriseId: number,
  documentIds: number[],
): Record<string, unknown> {
  const kind = v.kind ?? 'notification';
  const out: Record<string, unknown> = {
    kind,
    enterpriseId,
    date: iso(v.date) ?? '',
    basis: typeof v.basis === 'string' ? v.basis.trim() : '',
    documentNo:
      typeof v.documentNo === 'string' && v.documentNo.trim() ? v.documentNo.trim() : null,
    documentIds,
    penaltyCaseId: typeof v.penaltyCaseId === 'number' ? v.penaltyCaseId : null,
    note: typeof v.note === 'string' && v.note.trim() ? v.note.trim() : null,
  };
  for (const f of KIND_FIELDS[kind]) {
    const value = v[f];
    if ((DATE_FIELDS as readonly string[]).includes(f)) out[f] = iso(value);
    else if ((TEXT_FIELDS as readonly string[]).includes(f))
      out[f] = typeof value === 'string' && value.trim() ? value.trim() : null;
    else out[f] = value ?? null;
  }
  // Required texts must reach the schema as strings so that its Chinese message shows.
  for (const f of [
    'scope',
    'intervieweeName',
    'conductedBy',
    'departments',
    'proposedTo',
    'leaderName',
  ]) {
    if (f in out && out[f] === null) out[f] = '';
  }
  if (kind === 'joint_punishment') out.measures = Array.isArray(v.measures) ? v.measures : [];
  if (kind === 'dishonesty_list') {
    out.entryDate = out.entryDate ?? '';
    out.periodYears =
      typeof v.periodYears === 'number' ? v.periodYears : DISHONESTY_LIST_DEFAULT_YEARS;
  }
  if (kind === 'suspension') out.startDate = out.startDate ?? '';
  if (kind === 'judicial_referral' && out.offence !== 'dangerous_operation') {
    out.dangerousOperationClause = null;
  }
  return out;
}

/** The form's values of a recorded measure (edit). */
function fromMeasure(m: EnforcementMeasure): Values {
  const v: Values = { ...(m as unknown as Record<string, unknown>) };
  for (const f of DATE_FIELDS) {
    const value = (m as unknown as Record<string, unknown>)[f];
    v[f] = typeof value === 'string' ? dayjs(value) : null;
  }
  return v;
}

/**
 * 记录措施: one measure against an enterprise (通报, 约谈, 联合惩戒, 停产整顿, 提请关闭, 移送司法,
 * 严重失信名单) with its date, basis, documents and kind-specific fields; also used to update one
 * (list removal, lifting a suspension, the closure decision).
 */
export function MeasureDrawer({
  enterprise,
  initialKind,
  initialValues,
  measure,
  open,
  onClose,
}: {
  enterprise: { id: number; name: string };
  initialKind?: EnforcementMeasureKind;
  initialValues?: Values;
  measure?: EnforcementMeasureView;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile<MeasureDocument>[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const kind: EnforcementMeasureKind =
    Form.useWatch('kind', form) ?? measure?.kind ?? initialKind ?? 'interview';
  const offence = Form.useWatch('offence', form) as string | undefined;
  const closureDecidedOn = Form.useWatch('closureDecidedOn', form) as Dayjs | null | undefined;
  const entryDate = Form.useWatch('entryDate', form) as Dayjs | null | undefined;
  const periodYears = Form.useWatch('periodYears', form) as number | undefined;
  const uploading = files.some((f) => f.status === 'uploading');

  const casesQuery = { enterpriseId: enterprise.id, page: 1, pageSize: 100 };
  const cases = useQuery({
    queryKey: penaltyKeys.caseList(casesQuery),
    queryFn: ({ signal }) => listPenaltyCases(casesQuery, signal),
  });

  const showErrors = (errors: readonly FieldError[], fallback?: string) => {
    const mapped = errors.map((e) => ({ ...e, path: e.path.replace(/^measure\./, '') }));
    const rest = applyFieldErrors(form, mapped, FIELDS);
    setFormError(rest.map((e) => e.message).join('；') || fallback || null);
  };

  const mutation = useMutation({
    mutationFn: async (v: Values): Promise<EnforcementMeasureView | null> => {
      const uploaded = files.flatMap((f) =>
        f.status === 'done' && f.response ? [f.response.id] : [],
      );
      const documentIds = [...(measure?.data.documentIds ?? []), ...uploaded];
      const parsed = enforcementMeasureSchema.safeParse(toMeasure(v, enterprise.id, documentIds));
      if (!parsed.success) {
        showErrors(zodFieldErrors(parsed.error, t('common.invalidField')));
        return null;
      }
      return measure
        ? updateMeasure(measure.id, { version: measure.version, measure: parsed.data })
        : createMeasure(parsed.data);
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      void message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: penaltyKeys.all });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === ErrorCode.StaleVersion) {
        setFormError(e.message);
        void queryClient.invalidateQueries({ queryKey: penaltyKeys.measures });
        return;
      }
      if (e instanceof ApiError) showErrors(e.fields, e.message);
      else setFormError(t('common.unexpectedError'));
    },
  });

  const customRequest: UploadProps<MeasureDocument>['customRequest'] = (options) => {
    const file = options.file as File;
    uploadMeasureDocument(file, {
      onProgress: (loaded, total) =>
        options.onProgress?.({ percent: total > 0 ? (loaded / total) * 100 : 0 }),
    })
      .then((doc) => options.onSuccess?.(doc))
      .catch((e: unknown) => {
        const err = new Error(errorMessage(e, t('common.unexpectedError')));
        void message.error(`${file.name}：${err.message}`);
        options.onError?.(err);
      });
  };

  const required = (key: MessageKey) => ({
    required: true,
    message: t('penalties.required', { field: t(key) }),
  });
  const shows = (f: string) => KIND_FIELDS[kind].includes(f);
  const datePicker = (allowClear = false) => (
    <DatePicker style={{ width: '100%' }} inputReadOnly={!screens.md} allowClear={allowClear} />
  );
  const start: Values = measure
    ? fromMeasure(measure.data)
    : {
        kind: initialKind ?? 'interview',
        date: dayjs().startOf('day'),
        basis: ENFORCEMENT_MEASURE_DEFAULT_BASIS[initialKind ?? 'interview'],
        periodYears: DISHONESTY_LIST_DEFAULT_YEARS,
        ...initialValues,
      };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={measure ? t('penalties.editMeasure') : t('penalties.recordMeasure')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={mutation.isPending}
            disabled={uploading}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <InfoNote>{t('penalties.measureFor', { name: enterprise.name })}</InfoNote>
      <Form<Values>
        form={form}
        layout="vertical"
        name="enforcement-measure"
        initialValues={start}
        onFinish={(v) => {
          setFormError(null);
          mutation.mutate(v);
        }}
        onValuesChange={(changed: Values) => {
          setFormError(null);
          if (changed.kind && !measure) {
            form.setFieldValue('basis', ENFORCEMENT_MEASURE_DEFAULT_BASIS[changed.kind]);
          }
        }}
      >
        <Flex wrap gap={12}>
          <Form.Item
            label={t('penalties.measureKind')}
            name="kind"
            style={{ flex: 1, minWidth: 180 }}
          >
            <Select
              disabled={Boolean(measure)}
              options={ENFORCEMENT_MEASURE_KINDS.map((k) => ({
                value: k,
                label: label(ENFORCEMENT_MEASURE_LABELS[k]),
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t('penalties.measureDate')}
            name="date"
            rules={[required('penalties.measureDate')]}
            style={{ flex: 1, minWidth: 160 }}
          >
            {datePicker()}
          </Form.Item>
        </Flex>
        <Form.Item
          label={t('penalties.measureBasis')}
          name="basis"
          rules={[required('penalties.measureBasis')]}
        >
          <Input maxLength={300} />
        </Form.Item>
        {shows('scope') ? (
          <Form.Item
            label={t('penalties.scope')}
            name="scope"
            rules={[required('penalties.scope')]}
          >
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        {shows('intervieweeName') ? (
          <Flex wrap gap={12}>
            <Form.Item
              label={t('penalties.interviewee')}
              name="intervieweeName"
              rules={[required('penalties.interviewee')]}
              style={{ flex: 1, minWidth: 160 }}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              label={t('penalties.position')}
              name="intervieweePosition"
              style={{ flex: 1, minWidth: 140 }}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              label={t('penalties.conductedBy')}
              name="conductedBy"
              rules={[required('penalties.conductedBy')]}
              style={{ flex: 2, minWidth: 200 }}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Flex>
        ) : null}
        {shows('measures') ? (
          <>
            <Form.Item label={t('penalties.jointMeasures')} name="measures">
              <Checkbox.Group
                options={JOINT_PUNISHMENT_MEASURES.map((m) => ({
                  value: m,
                  label: label(JOINT_PUNISHMENT_MEASURE_LABELS[m]),
                }))}
              />
            </Form.Item>
            <Form.Item
              label={t('penalties.departments')}
              name="departments"
              rules={[required('penalties.departments')]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </>
        ) : null}
        {shows('startDate') ? (
          <Flex wrap gap={12}>
            <Form.Item
              label={t('penalties.startDate')}
              name="startDate"
              style={{ flex: 1, minWidth: 160 }}
            >
              {datePicker()}
            </Form.Item>
            <Form.Item
              label={t('penalties.liftedOn')}
              name="liftedOn"
              style={{ flex: 1, minWidth: 160 }}
            >
              {datePicker(true)}
            </Form.Item>
          </Flex>
        ) : null}
        {shows('proposedTo') ? (
          <>
            <Flex wrap gap={12}>
              <Form.Item
                label={t('penalties.proposedTo')}
                name="proposedTo"
                rules={[required('penalties.proposedTo')]}
                style={{ flex: 2, minWidth: 200 }}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                label={t('penalties.mainLeader')}
                name="leaderName"
                rules={[required('penalties.mainLeader')]}
                style={{ flex: 1, minWidth: 140 }}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Flex>
            <Form.Item
              label={t('penalties.closureDecidedOn')}
              name="closureDecidedOn"
              style={{ maxWidth: 260 }}
              extra={
                closureDecidedOn
                  ? t('penalties.leaderBan', {
                      from: closureDecidedOn.format('YYYY-MM-DD'),
                      to: leaderBanEnd(closureDecidedOn.format('YYYY-MM-DD')),
                    })
                  : t('penalties.leaderBanHint')
              }
            >
              {datePicker(true)}
            </Form.Item>
          </>
        ) : null}
        {shows('offence') ? (
          <>
            <Flex wrap gap={12}>
              <Form.Item
                label={t('penalties.offence')}
                name="offence"
                rules={[required('penalties.offence')]}
                style={{ flex: 1, minWidth: 200 }}
              >
                <Select
                  options={REFERRAL_OFFENCES.map((o) => ({
                    value: o,
                    label: `${label(REFERRAL_OFFENCE_LABELS[o])}${REFERRAL_OFFENCE_LABELS[o].article ? `（${REFERRAL_OFFENCE_LABELS[o].article}）` : ''}`,
                  }))}
                />
              </Form.Item>
              <Form.Item
                label={t('penalties.organ')}
                name="organ"
                rules={[required('penalties.organ')]}
                style={{ flex: 1, minWidth: 160 }}
              >
                <Select
                  options={REFERRAL_ORGANS.map((o) => ({
                    value: o,
                    label: label(REFERRAL_ORGAN_LABELS[o]),
                  }))}
                />
              </Form.Item>
            </Flex>
            {offence === 'dangerous_operation' ? (
              <Form.Item label={t('penalties.clause')} name="dangerousOperationClause">
                <Select
                  options={DANGEROUS_OPERATION_CLAUSES.map((c) => ({
                    value: c,
                    label: label(DANGEROUS_OPERATION_CLAUSE_LABELS[c]),
                  }))}
                />
              </Form.Item>
            ) : null}
            <Form.Item label={t('penalties.receivingCaseNo')} name="receivingCaseNo">
              <Input maxLength={60} />
            </Form.Item>
          </>
        ) : null}
        {shows('entryDate') ? (
          <>
            <Flex wrap gap={12}>
              <Form.Item
                label={t('penalties.entryDate')}
                name="entryDate"
                rules={[required('penalties.entryDate')]}
                style={{ flex: 1, minWidth: 160 }}
              >
                {datePicker()}
              </Form.Item>
              <Form.Item
                label={t('penalties.periodYears')}
                name="periodYears"
                style={{ flex: 1, minWidth: 120 }}
              >
                <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                label={t('penalties.removalDate')}
                name="removalDate"
                style={{ flex: 1, minWidth: 160 }}
              >
                {datePicker(true)}
              </Form.Item>
            </Flex>
            {entryDate ? (
              <InfoNote>
                {t('penalties.periodEnd', {
                  date: dishonestyPeriodEnd({
                    entryDate: entryDate.format('YYYY-MM-DD'),
                    periodYears: periodYears ?? DISHONESTY_LIST_DEFAULT_YEARS,
                  }),
                })}
              </InfoNote>
            ) : null}
          </>
        ) : null}
        <Flex wrap gap={12}>
          <Form.Item
            label={t('penalties.documentNo')}
            name="documentNo"
            style={{ flex: 1, minWidth: 180 }}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            label={t('penalties.relatedCase')}
            name="penaltyCaseId"
            style={{ flex: 2, minWidth: 220 }}
          >
            <Select
              allowClear
              loading={cases.isFetching}
              options={(cases.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${c.caseNo} ${c.matter}`,
              }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item label={t('penalties.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('penalties.documents')} extra={t('penalties.documentsHint')}>
          {measure && measure.documents.length > 0 ? (
            <ul style={{ margin: '0 0 8px', paddingInlineStart: 18 }}>
              {measure.documents.map((d) => (
                <li key={d.id}>{d.fileName}</li>
              ))}
            </ul>
          ) : null}
          <Upload<MeasureDocument>
            name="file"
            accept=".pdf,.docx"
            multiple
            fileList={files}
            customRequest={customRequest}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>{t('penalties.addDocument')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
