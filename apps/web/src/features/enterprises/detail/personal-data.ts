import { useCallback, useMemo, useState } from 'react';
import {
  revealPersonalData,
  type HazardSourceView,
  type PersonalData,
  type PersonView,
} from '../../../api/enterprises-api';

/**
 * The unmasked phone and ID numbers of one enterprise, once the user asked to see them. Kept in
 * this page's memory only (never in the query cache), so leaving the page masks them again and
 * the next look is audited again.
 */
export type PersonalDataState = {
  /** True while the full data is shown. */
  revealed: boolean;
  loading: boolean;
  /** Fetches the full data (GET …/personal-data, audited by the server) and shows it. */
  reveal: () => Promise<PersonalData>;
  /** Masks again. */
  hide: () => void;
  /** A person with full phone/ID when revealed and still of the same version, else as given. */
  person: (p: PersonView) => PersonView;
  /** Same for a hazard source's three persons. */
  source: (s: HazardSourceView) => HazardSourceView;
  /** Records the full values just saved (the server answers masked), so the view stays right. */
  rememberPerson: (p: PersonView) => void;
  rememberSource: (s: HazardSourceView) => void;
};

export function usePersonalData(enterpriseId: number): PersonalDataState {
  const [data, setData] = useState<PersonalData | null>(null);
  const [loading, setLoading] = useState(false);

  const reveal = useCallback(async () => {
    setLoading(true);
    try {
      const full = await revealPersonalData(enterpriseId);
      setData(full);
      return full;
    } finally {
      setLoading(false);
    }
  }, [enterpriseId]);

  return useMemo<PersonalDataState>(() => {
    const people = new Map((data?.people ?? []).map((p) => [p.id, p]));
    const sources = new Map((data?.hazardSources ?? []).map((s) => [s.id, s]));
    return {
      revealed: data !== null,
      loading,
      reveal,
      hide: () => setData(null),
      person: (p) => {
        const full = people.get(p.id);
        return full && full.version === p.version ? full : p;
      },
      source: (s) => {
        const full = sources.get(s.id);
        return full && full.version === s.version ? full : s;
      },
      rememberPerson: (p) =>
        setData((d) => (d ? { ...d, people: [...d.people.filter((x) => x.id !== p.id), p] } : d)),
      rememberSource: (s) =>
        setData((d) =>
          d ? { ...d, hazardSources: [...d.hazardSources.filter((x) => x.id !== s.id), s] } : d,
        ),
    };
  }, [data, loading, reveal]);
}

/**
 * Full data for editing one record: the revealed copy when shown, else reveals (audited) first.
 * Returns null when the record is gone from the revealed data (voided meanwhile).
 */
export async function fullRecordFor<T extends { id: number; version: number }>(
  state: PersonalDataState,
  record: T,
  pick: (data: PersonalData) => T[],
  overlay: (r: T) => T,
): Promise<T> {
  if (state.revealed) {
    const shown = overlay(record);
    if (shown !== record) return shown;
  }
  const full = await state.reveal();
  return pick(full).find((r) => r.id === record.id) ?? record;
}
