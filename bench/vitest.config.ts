import { defineProject } from 'vitest/config';

// The benchmark dataset generator's invariants and the load soak's shortened form run with the
// server's tests (on SQLite and, with TEST_DATABASE_URL, PostgreSQL); the other benchmarks are
// scripts, not tests.
export default defineProject({
  test: {
    name: 'bench',
    include: ['data/**/*.test.ts', 'soak.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
