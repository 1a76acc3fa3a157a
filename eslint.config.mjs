import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/coverage',
      '**/artifacts',
      '**/.nx',
      '**/tmp',
      '**/.data',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          depConstraints: [
            // Apps build on libs; libs never reach into apps (Nx forbids importing apps at all).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            // The browser sees only what is meant for both sides; server code may use both.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'],
            },
            // Shared libraries (contracts, crypto) depend on nothing of ours.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:nothing'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Only libs/crypto may touch libsodium; everyone else goes through its protocol API.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['libs/crypto/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['libsodium-wrappers*'],
              message: 'Use @coop/crypto; only libs/crypto imports libsodium.',
            },
          ],
        },
      ],
    },
  },
  {
    // Each feature names its refusals in <feature>.errors.ts, so a code and its detail are written once.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.errors.ts', 'apps/api/src/platform/errors/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='AppError']",
          message: 'Throw a factory from the feature’s <feature>.errors.ts instead.',
        },
      ],
    },
  },
  {
    // Migrations are frozen history: they import nothing from the application.
    files: ['migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@coop/*', '../apps/*', '../libs/*'],
              message: 'Migrations import only typeorm.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', 'bench/**/*.{js,ts}', '.ci/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
];
