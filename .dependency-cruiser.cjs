// dependency-cruiser: `npm run lint` fails on an import cycle anywhere in the TypeScript (type-only imports
// count: a cycle of types still ties two files together).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle: these files can only be understood, tested and changed together. Move what both ' +
        'need into a third file that neither of them imports back.',
      from: {},
      to: {
        circular: true,
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out-tsc)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default'],
      extensions: ['.ts', '.mjs', '.js', '.json'],
    },
  },
};
