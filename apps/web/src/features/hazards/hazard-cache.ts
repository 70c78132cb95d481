import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HazardDetail } from '@hazard-ledger/domain';
import { queryKeys } from '../../api/query-keys';
import { useLocale } from '../../i18n/locale-context';

/** Stores a hazard page the server just answered, and marks the ledger and to-do as stale. */
export async function applyHazardDetail(queryClient: QueryClient, detail: HazardDetail) {
  queryClient.setQueryData(queryKeys.hazard(detail.id), detail);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: [...queryKeys.hazardAll, 'list'] }),
    queryClient.invalidateQueries({ queryKey: queryKeys.hazardTodo }),
  ]);
}

/** Re-reads a hazard page (after an upload, a refused action or a stale version). */
export function refetchHazard(queryClient: QueryClient, id: number) {
  return queryClient.invalidateQueries({ queryKey: queryKeys.hazard(id) });
}

/**
 * The answer to 409 STALE_VERSION: someone changed the hazard meanwhile. Offers to reload it
 * (the user's unsaved input is lost, never silently written over the other change).
 */
export function useOfferReload(id: number) {
  const { t } = useLocale();
  const { modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  return useCallback(
    (onReloaded?: () => void) => {
      modal.confirm({
        title: t('common.staleTitle'),
        content: t('common.staleContent'),
        okText: t('common.reload'),
        cancelText: t('common.cancel'),
        onOk: async () => {
          await refetchHazard(queryClient, id);
          onReloaded?.();
        },
      });
    },
    [modal, t, queryClient, id],
  );
}
