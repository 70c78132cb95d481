import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Radio,
  Select,
  Tabs,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CERTIFICATE_STATE_LABELS,
  HOLDER_TYPE_LABELS,
  HOLDER_TYPES,
  OPERATION_CATEGORIES,
  OPERATION_CATEGORY_LABELS,
  operationCertificateInputSchema,
  updateOperationCertificateSchema,
  type CertificateListState,
  type HolderType,
  type OperationCategory,
  type OperationCertificateView,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import {
  hazardousWorkKeys,
  listCertificates,
  recordCertificate,
  updateCertificate,
  withdrawCertificate,
} from '../../../api/hazardous-work-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { CertificateTable } from './CertificateTable';
import { blankToNull, isoDay } from './record-parts';
import { RecordDrawer } from './RecordDrawer';

type Values = {
  holderName?: string;
  category?: OperationCategory;
  operationItem?: string;
  certificateNo?: string;
  issuedOn?: Dayjs | null;
  validUntil?: Dayjs | null;
  holderType?: HolderType;
  employer?: string;
  engagedBy?: string;
};

const FIELDS = [
  'holderName',
  'category',
  'operationItem',
  'certificateNo',
  'issuedOn',
  'validUntil',
  'holderType',
  'employer',
  'engagedBy',
] as const;

const ALL = 'all';
export const CERTIFICATE_TABS: readonly CertificateListState[] = [
  'expiring',
  'expired',
  'valid',
  'withdrawn',
];

/** The record / edit form of a certificate. */
function CertificateDrawer({
  enterpriseId,
  editing,
  open,
  onClose,
}: {
  enterpriseId: number;
  editing: OperationCertificateView | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const toInput = (v: Values) => ({
    holderName: v.holderName?.trim() ?? '',
    category: v.category,
    operationItem: blankToNull(v.operationItem),
    certificateNo: v.certificateNo?.trim() ?? '',
    issuedOn: v.issuedOn ? isoDay(v.issuedOn) : null,
    validUntil: isoDay(v.validUntil),
    holderType: v.holderType,
    employer: blankToNull(v.employer),
    engagedBy: v.engagedBy?.trim() ?? '',
    ...(editing ? { version: editing.version } : {}),
  });
  const initialValues: Values = editing
    ? {
        holderName: editing.holderName,
        category: editing.category,
        operationItem: editing.operationItem ?? undefined,
        certificateNo: editing.certificateNo,
        issuedOn: editing.issuedOn ? dayjs(editing.issuedOn) : null,
        validUntil: dayjs(editing.validUntil),
        holderType: editing.holderType,
        employer: editing.employer ?? undefined,
        engagedBy: editing.engagedBy,
      }
    : { holderType: 'employee' };
  const fields = (
    <>
      <Flex gap={12} wrap>
        <Form.Item label={t('hw.cert.holder')} name="holderName" style={{ flex: 1, minWidth: 150 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('hw.cert.holderType')}
          name="holderType"
          style={{ flex: 1, minWidth: 200 }}
        >
          <Radio.Group
            options={HOLDER_TYPES.map((h) => ({ value: h, label: label(HOLDER_TYPE_LABELS[h]) }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.holderType !== b.holderType}>
        {({ getFieldValue }) =>
          getFieldValue('holderType') === 'contractor' ? (
            <Form.Item label={t('hw.cert.employer')} name="employer">
              <Input maxLength={100} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item label={t('hw.cert.category')} name="category" style={{ flex: 1, minWidth: 200 }}>
          <Select
            options={OPERATION_CATEGORIES.map((c) => ({
              value: c,
              label: label(OPERATION_CATEGORY_LABELS[c]),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('hw.cert.item')}
          name="operationItem"
          style={{ flex: 1, minWidth: 200 }}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('hw.cert.number')} name="certificateNo">
        <Input maxLength={40} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item label={t('hw.cert.issuedOn')} name="issuedOn" style={{ flex: 1, minWidth: 150 }}>
          <DatePicker style={{ width: '100%' }} inputReadOnly={!screens.md} />
        </Form.Item>
        <Form.Item
          label={t('hw.cert.validUntil')}
          name="validUntil"
          style={{ flex: 1, minWidth: 150 }}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly={!screens.md} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('hw.cert.engagedBy')} name="engagedBy" extra={t('hw.cert.engagedByHint')}>
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
  return editing ? (
    <RecordDrawer<Values, typeof updateOperationCertificateSchema>
      key={`edit-${editing.id}`}
      title={t('hw.cert.editTitle')}
      open={open}
      onClose={onClose}
      schema={updateOperationCertificateSchema}
      fields={FIELDS}
      initialValues={initialValues}
      toInput={toInput}
      submit={(input) => updateCertificate(editing.id, input)}
    >
      {fields}
    </RecordDrawer>
  ) : (
    <RecordDrawer<Values, typeof operationCertificateInputSchema>
      key="new"
      title={t('hw.cert.title')}
      open={open}
      onClose={onClose}
      schema={operationCertificateInputSchema}
      fields={FIELDS}
      initialValues={initialValues}
      toInput={toInput}
      submit={(input) => recordCertificate(enterpriseId, input)}
    >
      {fields}
    </RecordDrawer>
  );
}

/** Withdraws a certificate that is no longer in use, with the reason. */
function WithdrawModal({
  cert,
  onClose,
}: {
  cert: OperationCertificateView | null;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: (c: OperationCertificateView) =>
      withdrawCertificate(c.id, { reason: reason.trim(), version: c.version }),
    onSuccess: async () => {
      void message.success(t('hw.cert.withdrawn'));
      setReason('');
      onClose();
      await queryClient.invalidateQueries({ queryKey: hazardousWorkKeys.all });
    },
  });
  return (
    <Modal
      open={cert !== null}
      title={
        cert ? `${t('hw.cert.withdrawTitle')}：${cert.holderName}（${cert.certificateNo}）` : ''
      }
      onCancel={() => {
        setReason('');
        mutation.reset();
        onClose();
      }}
      onOk={() => cert && mutation.mutate(cert)}
      okText={t('hw.cert.withdraw')}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <InfoNote>{t('hw.cert.withdrawHint')}</InfoNote>
      {mutation.error ? (
        <Alert
          type="error"
          showIcon
          title={
            mutation.error instanceof ApiError
              ? (mutation.error.fields[0]?.message ?? mutation.error.message)
              : t('common.unexpectedError')
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <label htmlFor="certificate-withdraw-reason">{t('hw.cert.withdrawReason')}</label>
      <Input.TextArea
        id="certificate-withdraw-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 6 }}
      />
    </Modal>
  );
}

/** An enterprise's special-operation certificates with their expiry, by state. */
export function CertificatesSection({
  enterpriseId,
  canRecord,
}: {
  enterpriseId: number;
  canRecord: boolean;
}) {
  const { t, label } = useLocale();
  const [state, setState] = useState<CertificateListState | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawer, setDrawer] = useState<{ editing: OperationCertificateView | null } | null>(null);
  const [withdrawing, setWithdrawing] = useState<OperationCertificateView | null>(null);
  const query = { enterpriseId, state, page, pageSize };
  const list = useQuery({
    queryKey: hazardousWorkKeys.certificates(query),
    queryFn: ({ signal }) => listCertificates(query, signal),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.countsByState ?? {};
  const inUse = (counts.expiring ?? 0) + (counts.expired ?? 0) + (counts.valid ?? 0);

  return (
    <>
      {canRecord ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawer({ editing: null })}
          >
            {t('hw.cert.add')}
          </Button>
        </Flex>
      ) : null}
      <ErrorAlert error={list.error} />
      <Tabs
        size="small"
        aria-label={t('hw.cert.stateTabs')}
        activeKey={state ?? ALL}
        onChange={(key) => {
          setState(key === ALL ? undefined : (key as CertificateListState));
          setPage(1);
        }}
        items={[
          { key: ALL, label: `${t('hw.cert.all')} ${inUse}` },
          ...CERTIFICATE_TABS.map((s) => ({
            key: s,
            label: `${label(CERTIFICATE_STATE_LABELS[s])} ${counts[s] ?? 0}`,
          })),
        ]}
      />
      <CertificateTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onChange={(p, size) => {
          setPage(p);
          setPageSize(size);
        }}
        onEdit={canRecord ? (c) => setDrawer({ editing: c }) : undefined}
        onWithdraw={canRecord ? setWithdrawing : undefined}
      />
      {drawer ? (
        <CertificateDrawer
          enterpriseId={enterpriseId}
          editing={drawer.editing}
          open
          onClose={() => setDrawer(null)}
        />
      ) : null}
      <WithdrawModal cert={withdrawing} onClose={() => setWithdrawing(null)} />
    </>
  );
}
