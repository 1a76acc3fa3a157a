const preset = require('../../../jest.preset.cjs');

/** Browser tests: the built API and web app, driven by Chromium, one file at a time. */
module.exports = {
  ...preset,
  displayName: 'web-e2e',
  roots: ['<rootDir>/apps/web/e2e'],
  testMatch: ['**/e2e/**/*.e2e.spec.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
};
