/**
 * Two tiers by folder and file name: `test/unit/<area>/*.test.ts` are units (pure rules,
 * data modules on a fresh database), `test/e2e/<area>/*.e2e.test.ts` start real servers
 * and talk HTTP through the gateway. Shared helpers are in `test/helpers/`.
 *
 * Timeouts are set by each tier's setup file (`jest.setTimeout`), because jest ignores
 * `testTimeout` inside a `projects` entry; hooks that start a stack give their own.
 * @type {import('jest').Config}
 */
const tsJest = ['ts-jest', { isolatedModules: true, diagnostics: false }];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/helpers/unit-setup.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/helpers/e2e-setup.ts'],
    },
  ],
};
