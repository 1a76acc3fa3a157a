const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, displayName: 'database', roots: ['<rootDir>/libs/database'] };
