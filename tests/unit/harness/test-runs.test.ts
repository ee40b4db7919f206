import { describe, expect, test } from '@jest/globals';
// @ts-expect-error: a plain script of the test run, without type declarations
import { postgresqlSuites } from '../../run-on-postgresql.mjs';

describe('the PostgreSQL pass of npm test', () => {
  test('takes every suite that opens a database, found through the helpers it imports, and no fixture-site suite', () => {
    const suites = postgresqlSuites() as string[];
    // Through the helpers that pick the engine (tests/helpers/database.ts, service.ts, as-readme.ts).
    expect(suites).toEqual(
      expect.arrayContaining([
        'tests/integration/workflow/workflow.test.ts',
        'tests/integration/hostile/filters.test.ts',
        'tests/integration/syndication/cms.test.ts',
        'tests/integration/platform/media-trust.test.ts',
      ]),
    );
    // Against local fixture sites only: the same on either engine.
    for (const suite of [
      'tests/integration/monitor/crawler.test.ts',
      'tests/integration/syndication/fetch.test.ts',
      'tests/integration/platform/media-storage.test.ts',
    ]) {
      expect(suites).not.toContain(suite);
    }
    // Written for PostgreSQL alone: they ran against it in the first pass.
    for (const suite of [
      'tests/integration/app/two-processes.test.ts',
      'tests/integration/app/instances.test.ts',
      'tests/integration/platform/postgresql.test.ts',
    ]) {
      expect(suites).not.toContain(suite);
    }
    // A suite with a PostgreSQL-only part and a part on the engine under test is taken.
    expect(suites).toContain('tests/integration/app/scheduler.test.ts');
    // The browser suites run once, on SQLite.
    expect(suites.filter((suite) => suite.startsWith('tests/e2e/'))).toEqual([]);
  });
});
