import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { listEnterprises } from '../api/org-api';
import { queryKeys } from '../api/query-keys';

type Props = {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Name of the current value, shown before a search loads it (edit form). */
  initialLabel?: string | null;
  placeholder?: string;
};

/** Picks an enterprise by searching GET /enterprises?q= (first 20 matches). */
export function EnterpriseSelect({ id, value, onChange, initialLabel, placeholder }: Props) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);

  const query = { q, page: 1, pageSize: 20 };
  const { data, isFetching } = useQuery({
    queryKey: queryKeys.enterprises(query),
    queryFn: ({ signal }) => listEnterprises(query, signal),
    staleTime: 60_000,
  });

  const options = (data?.items ?? []).map((e) => ({
    value: e.id,
    label: `${e.name}（${e.creditCode}）`,
  }));
  if (value != null && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel });
  }

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={isFetching}
      placeholder={placeholder}
      allowClear
    />
  );
}
