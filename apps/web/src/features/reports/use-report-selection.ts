import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { chinaDateOfInstant, type ReportOptionsView } from '@hazard-ledger/domain';
import {
  resolveSelection,
  sameParams,
  selectionFromParams,
  selectionToParams,
  type ReportSelection,
  type ResolvedSelection,
} from './report-selection';

/**
 * The report picked on a page, kept in the URL: read from the search params, completed from
 * the options (and the URL completed in place, so the address bar always reopens the same
 * report), and changed by writing the params.
 */
export function useReportSelection(
  options: ReportOptionsView,
  units: readonly { id: number }[],
  unitParam: 'districtId' | 'orgUnitId',
): {
  selection: ResolvedSelection | null;
  select: (next: ReportSelection) => void;
  setVersion: (versionId: number | undefined) => void;
} {
  const [params, setParams] = useSearchParams();
  const today = chinaDateOfInstant(new Date().toISOString());
  const raw = params.toString();
  const selection = useMemo(
    () =>
      resolveSelection(
        selectionFromParams(new URLSearchParams(raw), unitParam),
        options,
        units,
        today,
      ),
    [raw, options, units, unitParam, today],
  );

  useEffect(() => {
    if (!selection) return;
    const complete = selectionToParams(selection, unitParam);
    if (!sameParams(complete, new URLSearchParams(raw))) setParams(complete, { replace: true });
  }, [selection, raw, unitParam, setParams]);

  const select = (next: ReportSelection) => {
    const resolved = resolveSelection(next, options, units, today);
    if (resolved) setParams(selectionToParams(resolved, unitParam));
  };
  const setVersion = (versionId: number | undefined) => {
    if (selection) setParams(selectionToParams({ ...selection, versionId }, unitParam));
  };
  return { selection, select, setVersion };
}
