import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The backend's suites: plain Node, no WXT plugin, no fake browser.
// `npx vitest run --config vitest.server.config.ts`
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./', import.meta.url)) }] },
  test: {
    include: ['tests/server/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    environment: 'node',
    // Generous: these suites start databases and server processes, and CI machines are often busy.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
