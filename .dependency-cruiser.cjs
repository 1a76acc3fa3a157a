/**
 * The layering rules of CONTRIBUTING.md, checked in `npm test` (`npm run boundaries`).
 * A feature is a folder under apps/api/src or apps/web/src (under platform/ on the API side, each
 * sub-folder is one). There is no baseline: any violation fails the check.
 */
const FEATURE = '(platform/[^/]+|[^/]+)';

/** Features reach each other only through the other feature's index.ts. */
const throughIndex = (app) => ({
  name: `${app}-through-index`,
  comment: `In apps/${app}, a feature imports another feature only through its index.ts.`,
  severity: 'error',
  from: { path: `^apps/${app}/src/${FEATURE}/` },
  to: {
    path: `^apps/${app}/src/${FEATURE}/`,
    pathNot: [`^apps/${app}/src/$1/`, `^apps/${app}/src/${FEATURE}/index\\.tsx?$`],
  },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle, within a feature or between features.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    throughIndex('api'),
    throughIndex('web'),
    {
      name: 'entities-stay-home',
      comment:
        'A feature owns its tables: its index.ts never exports an entity, so other features reach its rows only through its services.',
      severity: 'error',
      from: { path: `^apps/api/src/${FEATURE}/index\\.ts$` },
      to: { path: '\\.entity\\.ts$' },
    },
    {
      name: 'libs-not-apps',
      comment: 'Libraries never import an app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'crypto-and-contracts-stand-alone',
      comment: 'libs/crypto and libs/contracts import nothing of ours.',
      severity: 'error',
      from: { path: '^libs/(crypto|contracts)/' },
      to: { path: '^(apps|libs)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'apps-apart',
      comment:
        "An app never imports another app: the operator commands are the API's second entry point (apps/api/src/cli.ts), not a separate app reaching into it.",
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage|artifacts)/' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
