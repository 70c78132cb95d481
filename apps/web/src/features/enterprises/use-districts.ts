import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listOrgUnits } from '../../api/org-api';
import { queryKeys } from '../../api/query-keys';

/** The districts (区县) of my territory, for filters and the enterprise form. */
export function useDistricts(enabled = true) {
  const query = useQuery({
    queryKey: queryKeys.orgUnits,
    queryFn: ({ signal }) => listOrgUnits(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
  const options = useMemo(
    () =>
      (query.data?.items ?? [])
        .filter((u) => u.kind === 'district')
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((u) => ({ value: u.id, label: u.name })),
    [query.data],
  );
  return { options, loading: query.isLoading };
}
