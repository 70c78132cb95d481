import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { listOrgUnits } from '../api/org-api';
import { queryKeys } from '../api/query-keys';
import { buildOrgTree } from './org-tree';

type Props = {
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
};

/** Picks one org unit of the caller's territory (GET /org-units), as a tree. */
export function OrgUnitTreeSelect({
  id,
  value,
  onChange,
  placeholder,
  allowClear,
  style,
  ...rest
}: Props) {
  const { data, isLoading } = useQuery({
    queryKey: queryKeys.orgUnits,
    queryFn: ({ signal }) => listOrgUnits(signal),
    staleTime: 5 * 60_000,
  });
  const tree = useMemo(() => buildOrgTree(data?.items ?? []), [data]);
  return (
    <TreeSelect<number>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={tree}
      loading={isLoading}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
