import { describe, expect, it } from 'vitest';
import { ExpiringMemo } from './expiring-memo.js';

describe('ExpiringMemo', () => {
  it('reuses an answer for the same key and version until it expires', async () => {
    let now = 0;
    let computed = 0;
    const memo = new ExpiringMemo<number>(1_000, 10, () => now);
    const compute = () => Promise.resolve(++computed);
    expect(await memo.get('a', 1, compute)).toBe(1);
    expect(await memo.get('a', 1, compute)).toBe(1);
    expect(await memo.get('b', 1, compute)).toBe(2);
    now = 999;
    expect(await memo.get('a', 1, compute)).toBe(1);
    now = 1_000;
    expect(await memo.get('a', 1, compute)).toBe(3);
  });

  it('recomputes when the version moves on (a change was committed)', async () => {
    let computed = 0;
    const memo = new ExpiringMemo<number>(60_000);
    const compute = () => Promise.resolve(++computed);
    expect(await memo.get('a', 1, compute)).toBe(1);
    expect(await memo.get('a', 2, compute)).toBe(2);
    expect(await memo.get('a', 2, compute)).toBe(2);
  });

  it('shares one computation between concurrent requests, and forgets a failure', async () => {
    let computed = 0;
    const memo = new ExpiringMemo<number>(60_000);
    let release!: () => void;
    const slow = () =>
      new Promise<number>((resolve) => {
        computed++;
        release = () => resolve(computed);
      });
    const first = memo.get('a', 1, slow);
    const second = memo.get('a', 1, slow);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(computed).toBe(1);
    await expect(memo.get('f', 1, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await memo.get('f', 1, () => Promise.resolve(7))).toBe(7);
  });

  it('keeps at most maxEntries, dropping the oldest; a zero lifetime disables it', async () => {
    let computed = 0;
    const memo = new ExpiringMemo<number>(60_000, 2);
    const compute = () => Promise.resolve(++computed);
    await memo.get('a', 1, compute);
    await memo.get('b', 1, compute);
    await memo.get('c', 1, compute);
    expect(await memo.get('a', 1, compute)).toBe(4);
    const off = new ExpiringMemo<number>(0);
    expect(await off.get('a', 1, compute)).toBe(5);
    expect(await off.get('a', 1, compute)).toBe(6);
  });
});
