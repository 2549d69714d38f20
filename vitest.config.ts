import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    // Adapter tests parse megabyte-sized saved pages in jsdom: 5 s is too tight on a loaded 2-core machine.
    testTimeout: 20_000,
  },
});
