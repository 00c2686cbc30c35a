/** Dependencies point inwards: core <- ports <- commands/dispatch/library <- adapters <- app. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports make start-up order and testing fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core imports only src/core, a few pure libraries and node:crypto: no I/O, no SDKs.',
      from: { path: '^src/core/' },
      to: {
        pathNot: ['^src/core/', '^src/types/', 'node_modules/(natural|zod|yaml)/', '^crypto$', '^node:crypto$'],
      },
    },
    {
      name: 'ports-import-only-core',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { pathNot: ['^src/core/', '^src/ports/'] },
    },
    {
      name: 'commands-are-platform-neutral',
      severity: 'error',
      comment: 'Command files use the core and the ports, never an SDK or an adapter.',
      from: { path: '^commands/' },
      to: { pathNot: ['^src/core/', '^src/ports/', '^src/types/'] },
    },
    {
      name: 'discord-sdk-only-in-its-adapter',
      severity: 'error',
      // discord-http is Discord's other transport (HTTP interactions), built on the same handler.
      from: { pathNot: ['^src/adapters/discord/', '^src/adapters/discord-http/', '^scripts/', '^test/'] },
      to: { path: 'node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'slack-sdk-only-in-its-adapter',
      severity: 'error',
      from: { pathNot: ['^src/adapters/slack/', '^test/'] },
      to: { path: 'node_modules/@slack/' },
    },
    {
      name: 'only-the-app-builds-adapters',
      severity: 'error',
      comment: 'Adapters are chosen in one composition root (src/app).',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/adapters/', '^src/cli/'] },
      to: { path: '^src/adapters/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.d.ts'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
