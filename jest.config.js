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
};
