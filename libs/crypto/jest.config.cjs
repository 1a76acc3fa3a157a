const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'crypto',
  roots: ['<rootDir>/libs/crypto'],
  collectCoverageFrom: [
    '<rootDir>/libs/crypto/src/**/*.ts',
    '!<rootDir>/libs/crypto/src/**/*.spec.ts',
  ],
  coverageDirectory: '<rootDir>/coverage/libs/crypto',
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { global: { lines: 95 } },
};
