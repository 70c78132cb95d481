import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type PlanDetail } from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { planKeys } from '../../../api/inspection-plans-api';
import { useLocale } from '../../../i18n/locale-context';

/**
 * What a plan page does with the server's answers: store a returned plan and mark the lists
 * stale; on an error show the server's message, and on 409 STALE_VERSION offer to reload.
 */
export function usePlanUpdates(id: number) {
  const { t } = useLocale();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();

  const apply = useCallback(
    async (plan: PlanDetail) => {
      queryClient.setQueryData(planKeys.one(plan.id), plan);
      await queryClient.invalidateQueries({ queryKey: [...planKeys.all, 'list'] });
    },
    [queryClient],
  );

  const reload = useCallback(
    () => queryClient.invalidateQueries({ queryKey: planKeys.one(id) }),
    [queryClient, id],
  );

  /** Handles an error the form could not place; true when it was shown. */
  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.code === ErrorCode.StaleVersion) {
        modal.confirm({
          title: t('common.staleTitle'),
          content: t('common.staleContent'),
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: reload,
        });
        return;
      }
      const text =
        e instanceof ApiError
          ? [e.fields.map((f) => f.message).join('；'), e.message].find(Boolean)
          : t('common.unexpectedError');
      void message.error(text);
    },
    [message, modal, t, reload],
  );

  return { apply, reload, fail };
}
