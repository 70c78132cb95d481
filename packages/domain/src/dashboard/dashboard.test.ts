import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS } from '../report/figures.js';
import type { ReportFigures } from '../report/dispatch.js';
import { dashboardSectionsFor, selfInspectionCoverage } from './dashboard.js';

function figures(registered: number | null, selfInspected: number | null): ReportFigures {
  const out = {} as ReportFigures;
  for (const key of FIGURE_KEYS) out[key] = { week: null, cumulative: 0 };
  out.enterprises_registered = { week: null, cumulative: registered };
  out.enterprises_self_inspected = { week: 0, cumulative: selfInspected };
  return out;
}

describe('dashboard rules', () => {
  it('computes self-inspection coverage from the two report figures, 1 decimal', () => {
    expect(selfInspectionCoverage(figures(3, 2))).toEqual({
      registered: 3,
      selfInspected: 2,
      share: 66.7,
    });
    expect(selfInspectionCoverage(figures(0, 0)).share).toBeNull();
    expect(selfInspectionCoverage(figures(null, 1)).share).toBeNull();
    // An enterprise closed after submitting stays counted as self-inspected: never above 100 %.
    expect(selfInspectionCoverage(figures(2, 3)).share).toBe(100);
  });

  it('gives staff roles with report access a dashboard, and no one else', () => {
    expect(dashboardSectionsFor('bureau_admin')).toEqual({
      enforcement: true,
      tips: true,
      selfInspection: true,
    });
    expect(dashboardSectionsFor('inspector')).toEqual({
      enforcement: true,
      tips: false,
      selfInspection: false,
    });
    expect(dashboardSectionsFor('publicity')).toBeNull();
    expect(dashboardSectionsFor('ent_leader')).toBeNull();
  });
});
