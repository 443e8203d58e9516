import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['ir/**/*.test.ts', 'passes/**/*.test.ts', 'training/**/*.test.ts', 'frontends/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
