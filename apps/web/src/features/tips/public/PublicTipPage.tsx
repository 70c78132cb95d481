import { useEffect, useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Progress,
  Radio,
  Segmented,
  Select,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  type PublicTipForm,
  type PublicTipFormInput,
  type PublicTipReceipt,
  publicTipFormSchema,
  TIP_FILES_MAX,
} from '@hazard-ledger/domain';
import {
  fetchChallenge,
  fetchPublicDistricts,
  searchPublicEnterprises,
  submitPublicTip,
  tipPublicKeys,
} from '../../../api/tips-public-api';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { applyFieldErrors, zodFieldErrors } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import { solveChallenge } from './pow';
import { PublicTipLayout } from './PublicTipLayout';
import { ReceiptCodeCard } from './ReceiptCodeCard';
import { type PickedFile, TipFilePicker } from './TipFilePicker';

type TargetMode = 'pick' | 'type';

type FormValues = {
  enterpriseId?: number;
  enterpriseText?: string;
  districtId?: number;
  subject?: string;
  description?: string;
  place?: string;
  insider?: boolean;
  anonymous: boolean;
  reporterName?: string;
  reporterPhone?: string;
};

const FIELDS = [
  'enterpriseId',
  'enterpriseText',
  'districtId',
  'subject',
  'description',
  'place',
  'insider',
  'anonymous',
  'reporterName',
  'reporterPhone',
] as const;

/** Picks an operating enterprise from the public registry search (name and district only). */
function PublicEnterpriseSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
}) {
  const { t } = useLocale();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  // Wait for a pause in typing: the search is rate-limited per address.
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 400);
    return () => clearTimeout(timer);
  }, [input]);
  const { data, isFetching } = useQuery({
    queryKey: tipPublicKeys.enterprises(q),
    queryFn: ({ signal }) => searchPublicEnterprises(q, signal),
    enabled: q.length >= 2,
    staleTime: 5 * 60_000,
  });
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={(data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.districtName}）` }))}
      loading={isFetching}
      placeholder={t('tipPublic.enterpriseSearch')}
      notFoundContent={q.length >= 2 && !isFetching ? t('tipPublic.enterpriseNone') : null}
      allowClear
    />
  );
}

/**
 * The public tip page (/tip): who, what and where, photos, anonymous or named. Submitting first
 * solves a proof-of-work challenge (with a progress bar), then sends everything; the receipt
 * code is shown once.
 */
export function PublicTipPage() {
  const { t } = useLocale();
  usePageTitle(t('tipPublic.title'));
  const [form] = Form.useForm<FormValues>();
  const [mode, setMode] = useState<TargetMode>('pick');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<PublicTipReceipt | null>(null);
  const anonymous = Form.useWatch('anonymous', form) ?? true;

  const districts = useQuery({
    queryKey: tipPublicKeys.districts,
    queryFn: ({ signal }) => fetchPublicDistricts(signal),
    staleTime: Infinity,
  });

  const submit = useMutation({
    mutationFn: async (input: PublicTipForm) => {
      setProgress(0);
      const challenge = await fetchChallenge();
      const pow = await solveChallenge(challenge, setProgress);
      setProgress(null);
      return submitPublicTip(
        input,
        pow,
        files.map((f) => f.file),
      );
    },
    onSuccess: (res) => {
      setReceipt(res);
      window.scrollTo(0, 0);
    },
    onError: (e) => {
      setProgress(null);
      if (e instanceof ApiError && e.fields.length > 0) {
        const rest = applyFieldErrors(form, e.fields, FIELDS);
        setError(rest.length > 0 ? new ApiError(e.status, e.code, rest[0]!.message) : null);
        return;
      }
      setError(e);
    },
  });

  const onFinish = (values: FormValues) => {
    setError(null);
    const raw: PublicTipFormInput = {
      enterpriseId: mode === 'pick' ? (values.enterpriseId ?? null) : null,
      enterpriseText: mode === 'type' ? (values.enterpriseText ?? null) : null,
      districtId: mode === 'type' ? (values.districtId ?? null) : null,
      subject: values.subject ?? '',
      description: values.description ?? '',
      place: values.place ?? null,
      insider: values.insider ?? false,
      anonymous: values.anonymous,
      reporterName: values.anonymous ? null : (values.reporterName ?? null),
      reporterPhone: values.anonymous ? null : (values.reporterPhone ?? null),
    };
    const parsed = publicTipFormSchema.safeParse(raw);
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error, t('common.unexpectedError')).map((e) =>
        // A registry pick that is missing reads as "choose the enterprise".
        mode === 'pick' && e.path === 'enterpriseText'
          ? { path: 'enterpriseId', message: t('tipPublic.enterpriseRequired') }
          : e,
      );
      applyFieldErrors(
        form,
        errors.filter((e) => !(mode === 'pick' && e.path === 'districtId')),
        FIELDS,
      );
      return;
    }
    submit.mutate(parsed.data);
  };

  const reset = () => {
    setReceipt(null);
    setFiles([]);
    setError(null);
    form.resetFields();
  };

  if (receipt) {
    return (
      <PublicTipLayout title={t('tipPublic.doneTitle')}>
        <ReceiptCodeCard receipt={receipt} onAnother={reset} />
      </PublicTipLayout>
    );
  }

  const busy = submit.isPending;
  return (
    <PublicTipLayout title={t('tipPublic.toForm')}>
      <Typography.Paragraph>{t('tipPublic.intro')}</Typography.Paragraph>
      <InfoNote>
        {t('tipPublic.noTracking')} <Link to="/tip/status">{t('tipPublic.checkStatus')}</Link>
      </InfoNote>
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{ anonymous: true, insider: false }}
          onFinish={onFinish}
          disabled={busy}
          scrollToFirstError
        >
          <Form.Item label={t('tipPublic.target')} required>
            <Segmented<TargetMode>
              block
              value={mode}
              onChange={setMode}
              options={[
                { value: 'pick', label: t('tipPublic.targetPick') },
                { value: 'type', label: t('tipPublic.targetType') },
              ]}
            />
          </Form.Item>
          {mode === 'pick' ? (
            <Form.Item name="enterpriseId" label={t('tipPublic.enterprise')} required>
              <PublicEnterpriseSelect />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="enterpriseText"
                label={t('tipPublic.enterpriseText')}
                extra={t('tipPublic.enterpriseTextHint')}
                required
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="districtId" label={t('tipPublic.district')} required>
                <Select
                  loading={districts.isPending}
                  options={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            </>
          )}
          <Form.Item name="subject" label={t('tipPublic.subject')} required>
            <Input maxLength={100} placeholder={t('tipPublic.subjectPlaceholder')} />
          </Form.Item>
          <Form.Item name="description" label={t('tipPublic.description')} required>
            <Input.TextArea
              rows={6}
              maxLength={5000}
              showCount
              placeholder={t('tipPublic.descriptionPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="place" label={t('tipPublic.place')}>
            <Input maxLength={200} placeholder={t('tipPublic.placePlaceholder')} />
          </Form.Item>
          <Form.Item
            label={t('tipPublic.files')}
            extra={t('tipPublic.filesHint', { max: TIP_FILES_MAX })}
          >
            <TipFilePicker value={files} onChange={setFiles} />
          </Form.Item>
          <Form.Item name="insider" valuePropName="checked" extra={t('tipPublic.insiderHint')}>
            <Checkbox>{t('tipPublic.insider')}</Checkbox>
          </Form.Item>
          <Form.Item
            name="anonymous"
            label={t('tipPublic.mode')}
            extra={anonymous ? t('tipPublic.anonymousHint') : t('tipPublic.namedHint')}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: true, label: t('tipPublic.anonymous') },
                { value: false, label: t('tipPublic.named') },
              ]}
            />
          </Form.Item>
          {!anonymous && (
            <>
              <Form.Item name="reporterName" label={t('tipPublic.name')} required>
                <Input maxLength={50} autoComplete="name" />
              </Form.Item>
              <Form.Item name="reporterPhone" label={t('tipPublic.phone')} required>
                <Input maxLength={20} inputMode="tel" autoComplete="tel" />
              </Form.Item>
            </>
          )}
          <ErrorAlert error={error} />
          {progress !== null && (
            <div role="status" style={{ marginBottom: 16 }}>
              <Typography.Text>{t('tipPublic.solving')}</Typography.Text>
              <Progress percent={Math.floor(progress * 100)} status="active" />
            </div>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {busy && progress === null ? t('tipPublic.sending') : t('tipPublic.submit')}
          </Button>
        </Form>
      </Card>
    </PublicTipLayout>
  );
}
