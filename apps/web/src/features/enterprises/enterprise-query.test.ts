import { describe, expect, it } from 'vitest';
import {
  exportFilters,
  listStateFromParams,
  listStateToParams,
  toListQuery,
  withFilter,
} from './enterprise-query';

describe('enterprise list state', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const state = listStateFromParams(
      new URLSearchParams(
        'q=恒泰&sector=hazchem&subType=trade&tag=dust_explosion&orgUnitId=3&status=closed&sort=updatedAt&order=desc&page=2&pageSize=50',
      ),
    );
    expect(state).toEqual({
      filters: {
        q: '恒泰',
        sector: 'hazchem',
        subType: 'trade',
        tag: 'dust_explosion',
        orgUnitId: 3,
        status: 'closed',
      },
      page: 2,
      pageSize: 50,
      sort: 'updatedAt',
      order: 'desc',
    });
    expect(listStateFromParams(listStateToParams(state))).toEqual(state);
    expect(listStateToParams({ filters: {}, page: 1, pageSize: 20 }).toString()).toBe('');
  });

  it('drops malformed values instead of sending them to the API', () => {
    expect(
      listStateFromParams(
        new URLSearchParams(
          'sector=coal&subType=trade&tag=x&orgUnitId=-1&status=gone&sort=id&page=0&pageSize=7',
        ),
      ),
    ).toEqual({
      filters: {
        q: undefined,
        sector: undefined,
        subType: undefined,
        tag: undefined,
        orgUnitId: undefined,
        status: undefined,
      },
      page: 1,
      pageSize: 20,
      sort: undefined,
      order: undefined,
    });
    // A sub-type of another sector is dropped.
    expect(
      listStateFromParams(new URLSearchParams('sector=mining&subType=trade')).filters.subType,
    ).toBe(undefined);
  });

  it('clears the sub-type when the sector changes to one without it', () => {
    expect(withFilter({ sector: 'hazchem', subType: 'storage' }, { sector: 'fireworks' })).toEqual({
      sector: 'fireworks',
      subType: undefined,
    });
    // 生产 exists in both sectors: kept.
    expect(
      withFilter({ sector: 'hazchem', subType: 'production' }, { sector: 'fireworks' }),
    ).toEqual({
      sector: 'fireworks',
      subType: 'production',
    });
    expect(withFilter({ sector: 'hazchem', subType: 'production' }, { sector: undefined })).toEqual(
      {
        sector: undefined,
        subType: undefined,
      },
    );
    expect(withFilter({ sector: 'fireworks', subType: 'production' }, { q: 'x' })).toEqual({
      sector: 'fireworks',
      subType: 'production',
      q: 'x',
    });
  });

  it('builds the list query with paging and sort, the export query without', () => {
    const state = listStateFromParams(new URLSearchParams('q=a&status=suspended&sort=name'));
    expect(toListQuery(state)).toEqual({
      page: 1,
      pageSize: 20,
      q: 'a',
      status: 'suspended',
      sort: 'name',
      order: 'asc',
    });
    expect(exportFilters(state.filters)).toEqual({ q: 'a', status: 'suspended' });
  });
});
