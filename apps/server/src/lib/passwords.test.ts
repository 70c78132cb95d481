import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('password hashing under a burst', () => {
  it('answers every one of many concurrent checks correctly, and still hashes afterwards', async () => {
    const stored = await hashPassword('Burst-Pass-2023');
    // More at once than the hashing slots: the queue must hand every slot on, never drop one.
    const checks = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        verifyPassword(stored, i % 2 === 0 ? 'Burst-Pass-2023' : 'wrong-password'),
      ),
    );
    expect(checks).toEqual(Array.from({ length: 10 }, (_, i) => i % 2 === 0));
    // A failing run releases its slot too.
    const malformed = await Promise.all(
      Array.from({ length: 6 }, () => verifyPassword('not-a-hash', 'x')),
    );
    expect(malformed).toEqual(Array(6).fill(false));
    await expect(verifyPassword(await hashPassword('after'), 'after')).resolves.toBe(true);
  }, 60_000);
});
