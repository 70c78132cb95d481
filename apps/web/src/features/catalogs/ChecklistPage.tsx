import { useMemo, useState } from 'react';
import { Card, Checkbox, Empty, Flex, Input, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { SECTOR_LABELS, type ChecklistItem } from '@hazard-ledger/domain';
import { getChecklist } from '../../api/catalogs-api';
import { queryKeys } from '../../api/query-keys';
import { useSession } from '../../auth/session-context';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { groupChecklist, itemMatches } from './checklist-groups';
import { anySubTypeLabel, ItemMarkers, ItemText, tagLabel } from './labels';

/**
 * /checklist — "our checklist": the criteria items that apply to my enterprise, grouped by
 * catalog and section, each readable in full (the learning step of §二(一)1). Staff reach it
 * with ?enterpriseId= and pick the enterprise.
 */
export function ChecklistPage() {
  const { me } = useSession();
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const picked = Number(params.get('enterpriseId'));
  const enterpriseId = me?.enterpriseId ?? (picked > 0 ? picked : null);
  const isStaff = !me?.enterpriseId;

  return (
    <>
      <PageHeader title={t('nav.checklist')} />
      {isStaff ? (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t('checklist.pickEnterprise')}</Typography.Text>
          <div style={{ width: 360, maxWidth: '100%' }}>
            <EnterpriseSelect
              value={enterpriseId}
              onChange={(id) => setParams(id ? { enterpriseId: String(id) } : {})}
              placeholder={t('checklist.pickEnterprise')}
            />
          </div>
        </Flex>
      ) : null}
      {enterpriseId ? <ChecklistView enterpriseId={enterpriseId} /> : null}
    </>
  );
}

function ChecklistView({ enterpriseId }: { enterpriseId: number }) {
  const { t, label } = useLocale();
  const [text, setText] = useState('');
  const [onlyIncomplete, setOnlyIncomplete] = useState(false);
  const query = useQuery({
    queryKey: queryKeys.checklist(enterpriseId),
    queryFn: ({ signal }) => getChecklist(enterpriseId, signal),
  });
  const data = query.data;
  const groups = useMemo(
    () =>
      data
        ? groupChecklist(
            data,
            (i) => itemMatches(i, text) && (!onlyIncomplete || i.completeness === 'incomplete'),
          )
        : [],
    [data, text, onlyIncomplete],
  );

  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  const e = data!.enterprise;
  const sector = e.sector;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {e.name}
          </Typography.Title>
          <Space size={[8, 4]} wrap>
            <Tag style={{ marginInlineEnd: 0 }}>
              {label(SECTOR_LABELS[sector])} · {anySubTypeLabel(e.subType, label)}
            </Tag>
            {e.tags.map((tag) => (
              <Tag key={tag} color="blue" style={{ marginInlineEnd: 0 }}>
                {tagLabel(tag, label)}
              </Tag>
            ))}
          </Space>
          <Typography.Text>
            {t('checklist.summary', {
              n: data!.items.length,
              incomplete: data!.incompleteCount,
            })}
          </Typography.Text>
          <Flex vertical gap={2}>
            {data!.catalogs.map((c) => (
              <Typography.Text key={c.catalogId} type="secondary">
                {t('checklist.catalogLine', {
                  name: c.name,
                  doc: c.documentNumber,
                  version: c.version,
                  n: c.itemCount,
                })}
              </Typography.Text>
            ))}
          </Flex>
        </Flex>
      </Card>
      <InfoNote>{t('checklist.intro')}</InfoNote>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('checklist.searchPlaceholder')}
          allowClear
          onSearch={setText}
          onChange={(ev) => {
            if (!ev.target.value) setText('');
          }}
          style={{ width: 300, maxWidth: '100%' }}
        />
        <Checkbox checked={onlyIncomplete} onChange={(ev) => setOnlyIncomplete(ev.target.checked)}>
          {t('checklist.onlyIncomplete')}
        </Checkbox>
      </Flex>
      {groups.length === 0 ? (
        <Card>
          <Empty description={t('checklist.empty')} />
        </Card>
      ) : null}
      <Flex vertical gap={16}>
        {groups.map((g) => (
          <Card
            key={g.catalog.catalogId}
            title={
              <Typography.Text strong style={{ whiteSpace: 'normal' }}>
                {g.catalog.name}
              </Typography.Text>
            }
            extra={
              <Tag style={{ marginInlineEnd: 0 }}>
                {t('checklist.versionCount', { version: g.catalog.version, n: g.count })}
              </Tag>
            }
            styles={{ header: { paddingBlock: 8 } }}
          >
            <Flex vertical gap={20}>
              {g.sections.map((s) => (
                <section key={s.name} aria-label={s.name}>
                  {g.sections.length > 1 ? (
                    <Typography.Title level={5} style={{ marginTop: 0 }}>
                      {s.name}
                    </Typography.Title>
                  ) : null}
                  <Flex vertical>
                    {s.items.map((item) => (
                      <ChecklistEntry key={item.code} item={item} />
                    ))}
                  </Flex>
                </section>
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
    </>
  );
}

function ChecklistEntry({ item }: { item: ChecklistItem }) {
  return (
    <article
      style={{
        padding: '10px 0 10px',
        paddingInlineStart: item.parentCode ? 20 : 0,
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <Flex gap={8} wrap align="baseline" style={{ marginBottom: 4 }}>
        <Typography.Text strong>
          {item.clause} {item.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
          {item.code}
        </Typography.Text>
        <ItemMarkers item={item} />
      </Flex>
      <ItemText item={item} />
    </article>
  );
}
