import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  ErrorCode,
  type FieldError,
  type PenaltyCaseAction,
  type PenaltyCaseDetail,
} from '@hazard-ledger/domain';
import { ApiError } from '../../../api/client';
import { actOnPenaltyCase, penaltyKeys } from '../../../api/penalties-api';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-penalties';

/** Stores a case page the server just answered and marks the lists stale. */
export async function applyCaseDetail(queryClient: QueryClient, detail: PenaltyCaseDetail) {
  queryClient.setQueryData(penaltyKeys.case(detail.id), detail);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: penaltyKeys.caseLists }),
    queryClient.invalidateQueries({ queryKey: ['penalties', 'repeat-offenders'] }),
  ]);
}

/** Field errors of an action's payload ("payload.x.y") as the form's own paths ("x.y"). */
export function payloadErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, path: e.path.replace(/^payload\./, '') }));
}

/**
 * Sends one case action and handles what comes back: the page is updated; a refusal (409) or a
 * stale version is reported to `onError` with a message and the page re-read.
 */
export function useCaseAction(
  c: PenaltyCaseDetail,
  action: PenaltyCaseAction,
  idempotencyKey: string,
  handlers: {
    onDone: () => void;
    onError: (error: { title: string; text?: string; fields: FieldError[] }) => void;
  },
) {
  const { t } = useLocale();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const reload = useCallback(
    () => queryClient.invalidateQueries({ queryKey: penaltyKeys.case(c.id) }),
    [queryClient, c.id],
  );
  return useMutation({
    mutationFn: (payload: Record<string, unknown>) =>
      actOnPenaltyCase(c.id, action, { version: c.version, payload }, idempotencyKey),
    onSuccess: async (detail) => {
      void message.success(t('penalties.actionDone'));
      handlers.onDone();
      await applyCaseDetail(queryClient, detail);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        handlers.onError({ title: t('common.unexpectedError'), fields: [] });
        return;
      }
      if (e.code === ErrorCode.StaleVersion) {
        handlers.onError({ title: e.message, fields: [] });
        modal.confirm({
          title: t('common.staleTitle'),
          content: t('common.staleContent'),
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: async () => {
            await reload();
            handlers.onDone();
          },
        });
        return;
      }
      if (e.code === ErrorCode.Conflict) {
        handlers.onError({
          title: t('penalties.actionRefused'),
          text: e.fields[0]?.message ?? e.message,
          fields: payloadErrors(e.fields),
        });
        void reload();
        return;
      }
      handlers.onError({ title: e.message, fields: payloadErrors(e.fields) });
    },
  });
}
