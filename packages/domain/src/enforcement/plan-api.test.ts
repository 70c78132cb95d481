import { describe, expect, it } from 'vitest';
import {
  assignTargetsSchema,
  availablePlanActions,
  cancelPlanSchema,
  completionNeedsNote,
  createPlanSchema,
  drawPlanSchema,
  nextPlanStatus,
  PLAN_ACTIONS,
  PLAN_KINDS,
  PLAN_STATUSES,
  PLAN_WORKFLOW,
  planActionRefusal,
  updatePlanSchema,
} from './plan-api.js';

const base = {
  name: '2026年11月危化烟花双随机抽查',
  kind: 'random',
  startDate: '2026-11-01',
  endDate: '2026-11-30',
  sectors: ['hazchem', 'fireworks'],
  enterpriseCount: 3,
};

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.success ? [] : result.error!.issues.map((i) => i.path.join('.'));
}

describe('plan schemas', () => {
  it('accepts a random plan and fills the defaults', () => {
    const plan = createPlanSchema.parse(base);
    expect(plan).toMatchObject({
      unannounced: false,
      crossArea: false,
      departments: [],
      inspectorsPerTarget: 2,
      note: null,
    });
  });

  it('needs an enterprise count for a random plan, not for the hand-picked kinds', () => {
    expect(issues(createPlanSchema.safeParse({ ...base, enterpriseCount: null }))).toEqual([
      'enterpriseCount',
    ]);
    expect(
      createPlanSchema.safeParse({ ...base, kind: 'key_enterprise', enterpriseCount: null })
        .success,
    ).toBe(true);
  });

  it('checks the period, duplicate sectors and the departments of a joint inspection', () => {
    expect(issues(createPlanSchema.safeParse({ ...base, endDate: '2026-10-31' }))).toEqual([
      'endDate',
    ]);
    expect(
      issues(createPlanSchema.safeParse({ ...base, sectors: ['hazchem', 'hazchem'] })),
    ).toEqual(['sectors']);
    expect(issues(createPlanSchema.safeParse({ ...base, sectors: [] }))).toEqual(['sectors']);
    expect(issues(createPlanSchema.safeParse({ ...base, kind: 'joint' }))).toEqual(['departments']);
    expect(
      createPlanSchema.safeParse({
        ...base,
        kind: 'joint',
        departments: ['市场监管局', '消防救援大队'],
      }).success,
    ).toBe(true);
    expect(issues(createPlanSchema.safeParse({ ...base, departments: ['公安局'] }))).toEqual([
      'departments',
    ]);
  });

  it('refuses fewer than two inspectors per target and unknown fields', () => {
    expect(issues(createPlanSchema.safeParse({ ...base, inspectorsPerTarget: 1 }))).toEqual([
      'inspectorsPerTarget',
    ]);
    expect(createPlanSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(updatePlanSchema.safeParse({ ...base }).success).toBe(false);
    expect(updatePlanSchema.safeParse({ ...base, version: 1 }).success).toBe(true);
  });

  it('takes an optional seed for the draw and a reason for cancelling', () => {
    expect(drawPlanSchema.parse({ version: 1 }).seed).toBeNull();
    expect(drawPlanSchema.parse({ version: 1, seed: ' demo-2026 ' }).seed).toBe('demo-2026');
    expect(drawPlanSchema.safeParse({ version: 1, seed: 'x'.repeat(201) }).success).toBe(false);
    expect(issues(cancelPlanSchema.safeParse({ version: 1, reason: ' ' }))).toEqual(['reason']);
  });

  it('needs two distinct inspectors per hand-picked target and distinct enterprises', () => {
    expect(
      issues(
        assignTargetsSchema.safeParse({
          version: 1,
          targets: [
            { enterpriseId: 1, inspectorIds: [5, 6] },
            { enterpriseId: 1, inspectorIds: [5, 5] },
            { enterpriseId: 2, inspectorIds: [5] },
          ],
        }),
      ).sort(),
    ).toEqual(['targets.1.enterpriseId', 'targets.1.inspectorIds', 'targets.2.inspectorIds']);
    expect(issues(assignTargetsSchema.safeParse({ version: 1, targets: [] }))).toEqual(['targets']);
  });
});

describe('plan workflow', () => {
  it('lists only known actions for every status', () => {
    for (const s of PLAN_STATUSES) {
      for (const a of PLAN_WORKFLOW[s]) expect(PLAN_ACTIONS).toContain(a);
    }
    expect(PLAN_WORKFLOW.completed).toEqual([]);
    expect(PLAN_WORKFLOW.cancelled).toEqual([]);
  });

  it('draws a random plan, assigns a hand-picked one, and both ways for a spot check', () => {
    expect(availablePlanActions({ status: 'draft', kind: 'random' })).toEqual([
      'edit',
      'draw',
      'cancel',
    ]);
    expect(availablePlanActions({ status: 'draft', kind: 'complaint' })).toEqual([
      'edit',
      'assign',
      'cancel',
    ]);
    expect(availablePlanActions({ status: 'draft', kind: 'self_check_spot' })).toEqual([
      'edit',
      'draw',
      'assign',
      'cancel',
    ]);
    expect(planActionRefusal({ status: 'draft', kind: 'random' }, 'assign')).toMatch(/随机抽取/);
    expect(planActionRefusal({ status: 'draft', kind: 'joint' }, 'draw')).toMatch(/不采用随机抽取/);
  });

  it('never re-draws a drawn plan and moves through the statuses', () => {
    for (const kind of PLAN_KINDS) {
      expect(planActionRefusal({ status: 'assigned', kind }, 'draw')).toMatch(/不能随机抽取/);
    }
    expect(nextPlanStatus('draft', 'draw')).toBe('assigned');
    expect(nextPlanStatus('draft', 'edit')).toBe('draft');
    expect(nextPlanStatus('assigned', 'start')).toBe('in_progress');
    expect(nextPlanStatus('in_progress', 'complete')).toBe('completed');
    expect(nextPlanStatus('in_progress', 'cancel')).toBe('cancelled');
    expect(availablePlanActions({ status: 'completed', kind: 'random' })).toEqual([]);
  });

  it('asks for a note when completing with targets not inspected', () => {
    expect(completionNeedsNote([{ status: 'inspected' }, { status: 'pending' }])).toBe(true);
    expect(completionNeedsNote([{ status: 'inspected' }])).toBe(false);
  });
});
