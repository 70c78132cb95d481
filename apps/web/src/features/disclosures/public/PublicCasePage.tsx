import { Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { DISCLOSURE_KIND_LABELS, SECTOR_LABELS } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { disclosureKeys, getPublicCase, publicCasePhotoUrl } from '../../../api/disclosures-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import { PublicCasesLayout } from './PublicCasesLayout';

/** /cases/:id — one published case: the redacted text and the pixelated photos (no login). */
export function PublicCasePage() {
  const { t, label } = useLocale();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({
    queryKey: disclosureKeys.publicOne(id),
    queryFn: ({ signal }) => getPublicCase(id, signal),
    enabled: valid,
    retry: (count, err) => !(err instanceof ApiError && err.status === 404) && count < 2,
  });
  const back = <Link to="/cases">{t('publicCases.back')}</Link>;

  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <PublicCasesLayout title={t('publicCases.title')}>
        <Empty description={t('publicCases.notFound')} />
        <div style={{ textAlign: 'center', marginTop: 16 }}>{back}</div>
      </PublicCasesLayout>
    );
  }
  const c = query.data;
  if (!c) {
    return (
      <PublicCasesLayout title={t('publicCases.title')}>
        <ErrorAlert error={query.error} />
        {query.isPending ? <Spin /> : null}
      </PublicCasesLayout>
    );
  }
  return (
    <PublicCasesLayout title={c.title}>
      <Flex wrap gap={4} style={{ marginBottom: 12 }}>
        <Tag color="red">{label(DISCLOSURE_KIND_LABELS[c.kind])}</Tag>
        <Tag>{label(SECTOR_LABELS[c.sector])}</Tag>
        <Tag>{c.districtName}</Tag>
        <Typography.Text type="secondary">
          {t('publicCases.publishedOn', { date: c.publishedOn })}
        </Typography.Text>
      </Flex>
      <article data-testid="public-case-text">
        {c.text.split('\n').map((line, i) => (
          <Typography.Paragraph key={i} style={{ fontSize: 16, lineHeight: 1.8 }}>
            {line}
          </Typography.Paragraph>
        ))}
      </article>
      <Flex vertical gap={12}>
        {c.photoIds.map((photoId) => (
          <img
            key={photoId}
            src={publicCasePhotoUrl(c.id, photoId)}
            alt={t('publicCases.photoAlt')}
            loading="lazy"
            style={{ width: '100%', height: 'auto', borderRadius: 4 }}
          />
        ))}
      </Flex>
      <div style={{ marginTop: 24 }}>{back}</div>
    </PublicCasesLayout>
  );
}
