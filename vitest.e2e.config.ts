import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The browser shares two cores with the test runner: give asynchronous UI a few seconds.
    expect: { poll: { timeout: 5_000 } },
    // One Chromium at a time: the machine has two cores.
    fileParallelism: false,
  },
});
