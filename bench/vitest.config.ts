import { defineProject } from 'vitest/config';

// The benchmark dataset generator's invariants run with the server's tests (on SQLite and, with
// TEST_DATABASE_URL, PostgreSQL); the benchmarks themselves are scripts, not tests.
export default defineProject({
  test: {
    name: 'bench',
    include: ['data/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
