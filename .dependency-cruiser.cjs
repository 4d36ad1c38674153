/**
 * The folders' import rules (run by `npm run lint`, part of `npm test`). The direction:
 *   data → state → selectors → renderers (map/) / UI; geo, scales and i18n sit beside them.
 * See README "How it is built".
 */
const APP = '^src/(ui|story|embed|loader|export)/|^src/(app|main)\\.ts$';
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles, between folders or files.', from: {}, to: { circular: true } },
    { name: 'src-not-to-tooling', severity: 'error', comment: 'The product never imports tests, benchmarks or build scripts.', from: { path: '^src/' }, to: { path: '^(tests|bench|scripts)/' } },
    {
      name: 'seam-types-only',
      severity: 'error',
      comment: "Outside map/, code talks to a renderer through the seam's types (map/renderer.ts); only main.ts creates one (map/create.ts).",
      from: { path: '^src/', pathNot: '^src/(map/|main\\.ts$)' },
      to: { path: '^src/map/', dependencyTypesNot: ['type-only'] },
    },
    { name: 'renderers-below-app', severity: 'error', comment: 'map/ draws what it is given: it never imports the UI, story, embed or loader.', from: { path: '^src/map/' }, to: { path: APP } },
    { name: 'renderers-apart', severity: 'error', comment: 'The two renderers share only map/*.ts, never each other.', from: { path: '^src/map/2d/' }, to: { path: '^src/map/webgl/' } },
    { name: 'renderers-apart-2', severity: 'error', comment: 'The two renderers share only map/*.ts, never each other.', from: { path: '^src/map/webgl/' }, to: { path: '^src/map/2d/' } },
    {
      name: 'pure-base',
      severity: 'error',
      comment: 'data/, geo/ and state/ import nothing above them (data and geo nothing but themselves and each other; state only data).',
      from: { path: '^src/(data|geo|state)/' },
      to: { path: '^src/(selectors|scales|map|i18n)/|' + APP },
    },
    { name: 'selectors-pure', severity: 'error', comment: 'Selectors know no DOM, renderer or UI.', from: { path: '^src/(selectors|scales)/' }, to: { path: '^src/map/|' + APP } },
    { name: 'i18n-pure', severity: 'error', comment: 'Texts and names know no DOM, renderer or UI.', from: { path: '^src/i18n/' }, to: { path: '^src/map/|' + APP } },
    { name: 'protocol-pure', severity: 'error', comment: 'The embed protocol is pure (no DOM): state, data and texts only.', from: { path: '^src/embed/protocol\\.ts$' }, to: { path: '^src/(ui|map|story|loader)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
