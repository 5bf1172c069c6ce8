import { defineConfig } from 'vitest/config';

// Projects:
// - unit:     pure domain tests and integration tests on a fresh migrated PGlite (always);
//             test/integrity: the standing proofs of issue 15 (lost updates, the authorisation matrix)
// - postgres: the integration tests (*.int.test.ts) again on PostgreSQL, when TEST_DATABASE_URL is set
// - e2e:      Playwright stories in Debian's Chromium against the built web app
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    pool: 'forks',
    reporters: process.env.QT_TEST_JSON ? ['default', ['json', { outputFile: process.env.QT_TEST_JSON }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integrity/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          env: { QT_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/**/*.int.test.ts', 'test/unit/**/*.int.test.ts', 'test/integrity/**/*.int.test.ts'],
                globalSetup: ['test/support/global-setup.ts'],
                env: { QT_TEST_DB: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
