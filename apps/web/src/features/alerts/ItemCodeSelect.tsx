import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Sector } from '@hazard-ledger/domain';
import { listCatalogItems, listCatalogs, type CatalogItemQuery } from '../../api/catalogs-api';
import { queryKeys } from '../../api/query-keys';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-campaign';
import '../../i18n/messages-catalog';
import '../../i18n/messages-alerts';

type Props = {
  id?: string;
  value?: string[];
  onChange?: (codes: string[]) => void;
  /** Only the catalogs of these sectors are searched (all when empty). */
  sectors: readonly Sector[];
};

/**
 * Picks catalog items by code from the current published versions, searching each relevant
 * catalog's items endpoint (code, title or requirement) as the user types.
 */
export function ItemCodeSelect({ id, value, onChange, sectors }: Props) {
  const { t } = useLocale();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  // Labels of the codes picked so far, so a tag keeps its title when the search moves on.
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);

  const catalogs = useQuery({
    queryKey: queryKeys.catalogs,
    queryFn: ({ signal }) => listCatalogs(signal),
    staleTime: 5 * 60_000,
  });
  const relevant = (catalogs.data?.items ?? []).filter(
    (c) =>
      c.currentVersion !== null &&
      (sectors.length === 0 || c.sectors.some((s) => sectors.includes(s))),
  );
  const query: CatalogItemQuery = { page: 1, pageSize: 30, q: q || undefined };
  const results = useQueries({
    queries: relevant.map((c) => ({
      queryKey: queryKeys.catalogItems(c.catalogId, c.currentVersion!, query),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        listCatalogItems(c.catalogId, c.currentVersion!, query, signal),
      staleTime: 60_000,
    })),
  });

  const groups = relevant.map((c, i) => ({
    label: `${c.catalogId}（${t('catalogs.versionN', { n: c.currentVersion! })}）`,
    title: c.name,
    options: (results[i]?.data?.items ?? []).map((item) => ({
      value: item.code,
      label: `${item.code} ${item.clause} ${item.title}`,
    })),
  }));
  const shown = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
  const missing = (value ?? []).filter((code) => !shown.has(code));
  const options =
    missing.length > 0
      ? [
          {
            label: t('alerts.pickedItems'),
            title: t('alerts.pickedItems'),
            options: missing.map((code) => ({ value: code, label: picked.get(code) ?? code })),
          },
          ...groups,
        ]
      : groups;

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(codes) => {
        const labels = new Map(picked);
        for (const g of groups) {
          for (const o of g.options) if (codes.includes(o.value)) labels.set(o.value, o.label);
        }
        setPicked(labels);
        onChange?.(codes);
      }}
      showSearch={{ filterOption: false, onSearch: setInput }}
      onBlur={() => setInput('')}
      options={options}
      loading={catalogs.isPending || results.some((r) => r.isFetching)}
      placeholder={t('alerts.itemSearch')}
      notFoundContent={t('alerts.noItems')}
      maxCount={50}
      optionFilterProp="label"
      allowClear
    />
  );
}
