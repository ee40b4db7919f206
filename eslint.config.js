// Lint: typescript-eslint's recommended rules, no import cycles anywhere, and the boundary of every core/:
// a capability's rules are pure — no Keystone, no Prisma, no database, nothing of the composition root.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const pureCore = {
  patterns: [
    {
      group: ['@keystone-6/*', '@prisma/*', 'better-sqlite3', 'pg'],
      message: 'core/ is pure: no Keystone, Prisma or database here; put this in the capability beside core/.',
    },
    { group: ['**/app/*', '**/generated/**'], message: 'core/ may not depend on the composition root or generated code.' },
    { group: ['**/platform/db/*', '**/lists/*'], message: 'core/ is pure: no database context or Keystone lists here.' },
  ],
};

const capabilities = ['workflow', 'site', 'monitor', 'mailbox', 'requests', 'consultation', 'incidents', 'reports', 'guides', 'validity'];
const onlyTheRootWires = {
  group: ['**/app/*'],
  message: 'Only the composition root (src/app/) wires capabilities together: take what you need as a parameter.',
};
const sharedLayer = {
  patterns: [
    onlyTheRootWires,
    {
      group: [...capabilities.map((c) => `**/${c}/**`), '**/syndication/**'],
      message: 'platform/ is what capabilities share: it imports none of them (pass what it needs in).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.keystone/',
      'generated/',
      'data/',
      'test-artifacts/',
      'migrations/',
      'tests/fixtures/',
      'src/platform/admin-ui/runtime/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // The cycle rule reads every imported file: it needs the TypeScript parser for them.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Chinese text has its own spaces (全角空格) inside strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
    },
  },
  // Tests read GraphQL answers as loose JSON.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['templates/static/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['src/**/*.ts', 'syndication/**/*.ts'],
    ignores: ['src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlyTheRootWires] }] },
  },
  { files: ['src/platform/**/*.ts'], rules: { 'no-restricted-imports': ['error', sharedLayer] } },
  { files: ['src/*/core/**/*.ts', 'syndication/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureCore] } },
  { files: ['admin/**/*.tsx', 'admin/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  prettier,
);
