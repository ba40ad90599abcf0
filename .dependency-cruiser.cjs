/**
 * The import rules of ARCHITECTURE.md, checked on every `npm test`.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'common-is-self-contained',
      comment: 'common/ runs in Node and in the browser: it imports nothing outside common/ (npm packages allowed)',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(server|web|e2e|bench)/' },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-never-imports-web',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^web/' },
    },
    {
      name: 'platform-imports-no-module',
      comment: 'server/platform/ is the engine every module uses; it must not know any module',
      severity: 'error',
      from: { path: '^server/platform/' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'modules-meet-through-index',
      comment: 'a module reaches another only through its index.ts',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/([^/]+)/', pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'web-modules-meet-through-index',
      comment:
        'a web module reaches another only through its index.ts(x) (queries, hooks, components it shares); pages are reached through the router',
      severity: 'error',
      from: { path: '^web/modules/([^/]+)/' },
      to: { path: '^web/modules/([^/]+)/', pathNot: ['^web/modules/$1/', '^web/modules/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'web-app-knows-modules-through-the-registry',
      comment:
        "the shell (router, menu, i18n) is composed from web/app/web-modules.ts, the only file of web/app that imports a module, and only its manifest",
      severity: 'error',
      from: { path: '^web/(app|ui)/' },
      to: { path: '^web/modules/', pathNot: ['^web/modules/([^/]+)/\\1\\.web-module\\.ts$'] },
    },
    {
      name: 'only-the-registry-imports-manifests',
      severity: 'error',
      from: { path: '^web/', pathNot: ['^web/app/web-modules\\.ts$'] },
      to: { path: '\\.web-module\\.ts$' },
    },
    {
      name: 'adapters-never-touch-repositories',
      comment: 'routes and the CLI call use cases; only use cases call repositories',
      severity: 'error',
      from: { path: '(\\.routes\\.ts$|^server/cli/)' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'only-repositories-and-platform-touch-the-driver',
      comment: 'SQL lives in repositories (and the platform db layer); use cases and routes never import the driver',
      severity: 'error',
      from: {
        path: '^server/modules/',
        pathNot: ['\\.repository\\.ts$', '\\.schema\\.ts$', '\\.test\\.ts$', '/fixtures/'],
      },
      to: { path: '^node_modules/(pg|drizzle-orm)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // A worktree whose node_modules is a symlink must see `node_modules/...` paths as CI does, or the driver rule
    // above passes there and fails on a fresh clone.
    preserveSymlinks: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    exclude: { path: '^web/dist/' },
  },
};
