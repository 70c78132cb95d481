import { defineConfig } from 'vitest/config';

// One runner for every package; each package has its own project config.
export default defineConfig({
  test: {
    projects: ['packages/domain', 'apps/server', 'apps/web', 'bench'],
  },
});
