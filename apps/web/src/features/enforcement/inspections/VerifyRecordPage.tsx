import { Alert, Card, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ErrorCode, VERIFIABLE_DOCUMENT_LABELS } from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import { inspectionKeys, verifyCode } from '../../../api/inspections-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-inspections';

/**
 * /verify/:code — public, no sign-in: what the QR code of a printed record leads to. Shows only
 * the record number, the enterprise, the day, who signed and whether the signatures hold.
 */
export function VerifyRecordPage() {
  const { t, label } = useLocale();
  const code = (useParams().code ?? '').trim().toLowerCase();
  usePageTitle(t('inspections.public.title'));
  const query = useQuery({
    queryKey: inspectionKeys.publicCode(code),
    queryFn: ({ signal }) => verifyCode(code, signal),
    retry: false,
  });
  const v = query.data;

  let body;
  if (query.isPending) {
    body = (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  } else if (query.isError) {
    body =
      isApiError(query.error, ErrorCode.NotFound) ||
      isApiError(query.error, ErrorCode.ValidationFailed) ? (
        <Result status="warning" title={t('inspections.public.notFound')} />
      ) : (
        <ErrorAlert error={query.error} />
      );
  } else if (v) {
    body = (
      <>
        <Result
          status={v.valid ? 'success' : 'error'}
          title={t(v.valid ? 'inspections.public.valid' : 'inspections.public.invalid')}
          subTitle={t(v.valid ? 'inspections.public.validText' : 'inspections.public.invalidText')}
          style={{ padding: '16px 0' }}
        />
        {v.superseded ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('inspections.public.superseded', { no: v.supersededByRecordNo ?? '' })}
          />
        ) : null}
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            {
              key: 'kind',
              label: t('inspections.public.kind'),
              children: label(VERIFIABLE_DOCUMENT_LABELS[v.kind]),
            },
            { key: 'no', label: t('inspections.public.recordNo'), children: v.recordNo },
            { key: 'ent', label: t('inspections.public.enterprise'), children: v.enterpriseName },
            { key: 'date', label: t('inspections.public.date'), children: v.inspectionDate },
            ...(v.partyName
              ? [{ key: 'party', label: t('inspections.public.party'), children: v.partyName }]
              : []),
            {
              key: 'signers',
              label: t(
                v.kind === 'inspection_record'
                  ? 'inspections.public.signers'
                  : 'inspections.public.issuers',
              ),
              children: (
                <Flex vertical gap={2}>
                  {v.signers.map((s) => (
                    <span key={`${s.name}-${s.certificateNo}`}>
                      {s.name}（{t('inspections.certificate', { no: s.certificateNo })}）
                      {s.signedAt ? formatDateTime(s.signedAt) : null}
                    </span>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'code',
              label: t('inspections.public.code'),
              children: (
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {code}
                </Typography.Text>
              ),
            },
          ]}
        />
      </>
    );
  }

  return (
    <Flex
      justify="center"
      style={{ padding: '24px 12px', minHeight: '100vh', background: '#f5f5f5' }}
    >
      <Card
        title={t('inspections.public.title')}
        style={{ width: '100%', maxWidth: 640, alignSelf: 'flex-start' }}
      >
        {body}
      </Card>
    </Flex>
  );
}
