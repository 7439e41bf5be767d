/**
 * Two tiers by file name: `*.test.ts` are units (pure rules, data modules on SQLite),
 * `*.e2e.test.ts` start real servers and talk HTTP through the gateway.
 * @type {import('jest').Config}
 */
const tsJest = ['ts-jest', { isolatedModules: true, diagnostics: false }];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.e2e\\.test\\.ts$'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/**/*.e2e.test.ts'],
      testTimeout: 120000,
    },
  ],
};
