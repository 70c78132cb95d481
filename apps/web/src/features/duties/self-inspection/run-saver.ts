import { useCallback, useRef } from 'react';
import { App as AntApp } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type SelfInspectionDetail } from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import { selfInspectionKeys } from '../../../api/self-inspections-api';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-duty-self';

/** Sends one change of a run given the version it is made on; answers with the new run. */
export type RunChange = (version: number) => Promise<SelfInspectionDetail>;

/**
 * Saves changes to a run one after another, each with the version the previous one returned,
 * so quick successive autosaves never trip over each other. A stale version (someone else
 * saved meanwhile) reloads the run and says so; the failed change is reported to the caller.
 */
export function useRunSaver(runId: number): (change: RunChange) => Promise<SelfInspectionDetail> {
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useLocale();
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(
    (change: RunChange) => {
      const key = selfInspectionKeys.run(runId);
      const next = chain.current.then(async () => {
        const current = queryClient.getQueryData<SelfInspectionDetail>(key);
        if (!current) throw new Error('run not loaded');
        try {
          const saved = await change(current.version);
          queryClient.setQueryData(key, saved);
          return saved;
        } catch (e) {
          if (isApiError(e, ErrorCode.StaleVersion)) {
            void message.warning(t('selfInspections.run.stale'));
            await queryClient.invalidateQueries({ queryKey: key });
          } else if (isApiError(e) && e.status === 409) {
            await queryClient.invalidateQueries({ queryKey: key });
          }
          throw e;
        }
      });
      chain.current = next.catch(() => undefined);
      return next;
    },
    [queryClient, runId, message, t],
  );
}
