import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TipDetail } from '@hazard-ledger/domain';
import { tipKeys } from '../../../api/tips-api';
import { useLocale } from '../../../i18n/locale-context';

/** Stores a tip page the server just answered, and marks the lists and side data as stale. */
export async function applyTipDetail(queryClient: QueryClient, detail: TipDetail) {
  queryClient.setQueryData(tipKeys.one(detail.id), detail);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: tipKeys.lists }),
    queryClient.invalidateQueries({ queryKey: tipKeys.duplicates(detail.id) }),
    queryClient.invalidateQueries({ queryKey: tipKeys.linkCandidates(detail.id) }),
    queryClient.invalidateQueries({ queryKey: tipKeys.assignees(detail.id) }),
  ]);
}

/**
 * The answer to 409 STALE_VERSION: someone changed the tip meanwhile. Offers to reload it (the
 * user's input is lost, never silently written over the other change).
 */
export function useOfferTipReload(id: number) {
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
          await queryClient.invalidateQueries({ queryKey: tipKeys.one(id) });
          onReloaded?.();
        },
      });
    },
    [modal, t, queryClient, id],
  );
}
