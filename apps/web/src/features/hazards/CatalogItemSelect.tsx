import type { CSSProperties } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { getEnterpriseChecklist } from '../../api/hazards-api';
import { queryKeys } from '../../api/query-keys';

type Props = {
  id?: string;
  enterpriseId: number | null | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
};

/**
 * Picks a criteria item (判定依据) among those that apply to an enterprise
 * (GET /enterprises/:id/checklist), searchable by code, title and clause.
 */
export function CatalogItemSelect({
  id,
  enterpriseId,
  value,
  onChange,
  placeholder,
  style,
  'aria-label': ariaLabel,
}: Props) {
  const checklist = useQuery({
    queryKey: queryKeys.checklist(enterpriseId ?? 0),
    queryFn: ({ signal }) => getEnterpriseChecklist(enterpriseId!, signal),
    enabled: !!enterpriseId,
    staleTime: 5 * 60_000,
  });
  const options = (checklist.data?.items ?? []).map((item) => ({
    value: item.code,
    label: `${item.code} ${item.title}`,
    search: `${item.code} ${item.title} ${item.clause} ${item.section}`.toLowerCase(),
    clause: item.clause,
    title: item.title,
  }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: value, search: value.toLowerCase(), clause: '', title: '' });
  }

  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      disabled={!enterpriseId}
      loading={checklist.isFetching}
      placeholder={placeholder}
      style={style}
      showSearch={{
        filterOption: (input, option) =>
          ((option as { search?: string } | undefined)?.search ?? '').includes(
            input.trim().toLowerCase(),
          ),
      }}
      options={options}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.4, padding: '2px 0' }}>
          <Typography.Text strong>{o.data.value}</Typography.Text> {o.data.title}
          {o.data.clause ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.data.clause}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      )}
    />
  );
}
