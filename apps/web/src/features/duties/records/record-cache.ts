import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import {
  dutyRecordKeys,
  type DrillsView,
  type DutySection,
  type OutsourcingView,
  type ResponsibilityView,
} from '../../../api/duty-records-api';
import { scorecardKeys } from '../../../api/scorecard-api';
import { useLocale } from '../../../i18n/locale-context';

type AnyView = ResponsibilityView | OutsourcingView | DrillsView;

/**
 * The cache of one enterprise's duty records: `apply` stores the tab view a write answered
 * with; `refresh` re-reads a tab; `offerReload` answers 409 STALE_VERSION by offering to reload
 * (the user's unsaved input is dropped, never written over someone else's change).
 */
export function useRecordCache(enterpriseId: number) {
  const { t } = useLocale();
  const { modal } = AntApp.useApp();
  const queryClient = useQueryClient();

  const refresh = useCallback(
    (section: DutySection) =>
      queryClient.invalidateQueries({
        queryKey:
          section === 'drills'
            ? dutyRecordKeys.drillsAll(enterpriseId)
            : section === 'responsibility'
              ? dutyRecordKeys.responsibility(enterpriseId)
              : dutyRecordKeys.outsourcing(enterpriseId),
      }),
    [queryClient, enterpriseId],
  );

  const apply = useCallback(
    async (section: DutySection, view: AnyView) => {
      if (section === 'responsibility')
        queryClient.setQueryData(dutyRecordKeys.responsibility(enterpriseId), view);
      else if (section === 'outsourcing')
        queryClient.setQueryData(dutyRecordKeys.outsourcing(enterpriseId), view);
      else {
        // The drills tab is cached per year; the answer is the year of the drill written.
        queryClient.setQueryData(
          dutyRecordKeys.drills(enterpriseId, (view as DrillsView).year),
          view,
        );
        await queryClient.invalidateQueries({ queryKey: dutyRecordKeys.drillsAll(enterpriseId) });
      }
      // The scorecards computed from these records are stale now.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: scorecardKeys.one(enterpriseId) }),
        queryClient.invalidateQueries({ queryKey: ['scorecards'] }),
      ]);
    },
    [queryClient, enterpriseId],
  );

  const offerReload = useCallback(
    (section: DutySection, onReloaded?: () => void) => {
      modal.confirm({
        title: t('common.staleTitle'),
        content: t('common.staleContent'),
        okText: t('common.reload'),
        cancelText: t('common.cancel'),
        onOk: async () => {
          await refresh(section);
          onReloaded?.();
        },
      });
    },
    [modal, t, refresh],
  );

  return { apply, refresh, offerReload };
}
