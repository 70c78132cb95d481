import { useState } from 'react';
import { Alert, Button, Flex, List, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { InspectionRecordDetail } from '@hazard-ledger/domain';
import { inspectionKeys, verifyInspection } from '../../../api/inspections-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-inspections';

/**
 * The signatures of a record and, on request, their verification: the server recomputes the
 * canonical text from the stored content and checks the hash and every signature.
 */
export function VerificationPanel({ record }: { record: InspectionRecordDetail }) {
  const { t } = useLocale();
  const [asked, setAsked] = useState(false);
  const verification = useQuery({
    queryKey: inspectionKeys.verification(record.id),
    queryFn: ({ signal }) => verifyInspection(record.id, signal),
    enabled: asked,
  });
  const v = verification.data;
  const signed = record.status === 'signed' || record.status === 'superseded';

  return (
    <Flex vertical gap={12}>
      <List
        size="small"
        dataSource={record.inspectors}
        rowKey="userId"
        renderItem={(i) => {
          const check = v?.signatures.find((s) => s.userId === i.userId);
          return (
            <List.Item>
              <Flex wrap gap={8} align="center">
                <Typography.Text strong>{i.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('inspections.certificate', { no: i.certificateNo })}
                </Typography.Text>
                {i.signedAt ? (
                  <Tag color="green">
                    {t('inspections.signedAt', { at: formatDateTime(i.signedAt) })}
                  </Tag>
                ) : (
                  <Tag>{t('inspections.notSigned')}</Tag>
                )}
                {check ? (
                  <Tag color={check.valid ? 'success' : 'error'}>
                    {t(
                      check.valid
                        ? 'inspections.verify.signatureValid'
                        : 'inspections.verify.signatureInvalid',
                    )}
                    {check.problem ? `：${check.problem}` : ''}
                  </Tag>
                ) : null}
              </Flex>
            </List.Item>
          );
        }}
      />
      {record.contentHash ? (
        <div>
          <Typography.Text type="secondary">{t('inspections.field.code')}</Typography.Text>
          <Typography.Paragraph code copyable style={{ wordBreak: 'break-all', marginBottom: 0 }}>
            {record.contentHash}
          </Typography.Paragraph>
        </div>
      ) : null}
      {record.contentHash ? (
        <Flex wrap gap={8}>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verification.isFetching}
            onClick={() => (asked ? void verification.refetch() : setAsked(true))}
          >
            {t('inspections.action.verify')}
          </Button>
          {signed ? (
            <Link to={`/verify/${record.contentHash}`} target="_blank">
              <Button type="link">{t('inspections.action.publicPage')}</Button>
            </Link>
          ) : null}
        </Flex>
      ) : null}
      <ErrorAlert error={verification.error} />
      {v ? (
        <Alert
          type={v.valid ? 'success' : 'error'}
          showIcon
          title={t(v.valid ? 'inspections.verify.valid' : 'inspections.verify.invalid')}
          description={
            <Flex vertical gap={2}>
              {v.problems.map((p) => (
                <span key={p}>{p}</span>
              ))}
              {v.missingSigners.length ? (
                <span>
                  {t('inspections.verify.missing', { names: v.missingSigners.join('、') })}
                </span>
              ) : null}
              <Typography.Text type="secondary">
                {t('inspections.verify.checkedAt', { at: formatDateTime(v.checkedAt) })}
              </Typography.Text>
            </Flex>
          }
        />
      ) : null}
    </Flex>
  );
}
