/** Jest runs the TypeScript sources as ES modules through SWC (no type-check here: `tsc` does that). */
export default {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  extensionsToTreatAsEsm: ['.ts'],
  // Sources import siblings as './x.js' (NodeNext style); Jest resolves them to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  setupFiles: ['<rootDir>/tests/helpers/env.ts'],
  testTimeout: 60_000,
  // Two worker processes even on two cores (Jest's default there is one, inside Jest's own process): much of the
  // time a suite waits on Chromium, a started server or PostgreSQL. A worker that has grown past the limit
  // is replaced between files, so no suite runs in a process bloated by the ones before it.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1536MB',
};
