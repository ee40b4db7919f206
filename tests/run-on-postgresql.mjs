// The tests whose outcome can depend on the database engine, again on PostgreSQL (`npm test` runs everything on
// SQLite first). Without a server they are skipped with a note, except under CI=true, where that is a failure.
// The two-instance tests are not among them: they run against PostgreSQL in the first pass already.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Whether a test file reaches a database: it, or a test helper it imports (directly or through other helpers),
 * picks its engine by TEST_DATABASE. Found from the files, so a new suite is included without anyone listing it;
 * suites that never open a database (the monitor's and the syndication library's, against local fixture sites)
 * would only repeat their SQLite run. Suites written for PostgreSQL alone (tests/helpers/postgres.ts) already ran
 * against it in the first pass.
 */
export function usesDatabase(file, seen = new Set()) {
  if (seen.has(file) || !fs.existsSync(file)) return false;
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  // A suite of the command line's output and exit codes says in a line starting `// one engine:` why its
  // processes need not run again on PostgreSQL: the queries beneath them run on both engines in the in-process
  // suites, and a CI run stays within its 25 minutes on two cores.
  if (seen.size === 1 && /^\/\/ one engine: /m.test(source)) return false;
  if (source.includes('TEST_DATABASE')) return true;
  // A suite written for PostgreSQL alone (it asks whether the server is there, and opens no database of the
  // engine under test) ran against PostgreSQL in the first pass already.
  if (seen.size === 1 && source.includes('postgresAvailable(') && !/\b(migratedContext|seededApi|seededDemoContext)\(/.test(source))
    return false;
  const testsDir = path.join(root, 'tests');
  for (const [, specifier] of source.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
    const target = path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts');
    if (target.startsWith(testsDir + path.sep) && usesDatabase(target, seen)) return true;
  }
  return false;
}

/** The integration suites that use a database. */
export function postgresqlSuites() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.test.ts') && usesDatabase(file)) found.push(path.relative(root, file));
    }
  };
  // The browser suites drive the same server code on SQLite; what differs by engine is below them.
  walk(path.join(root, 'tests/integration'));
  return found.sort();
}

const url = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
async function reachable() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.chdir(root);
  // `npm test` has set the machine up first (tests/prepare-machine.ts starts a stopped local server).
  const failure = await reachable();
  if (failure) {
    console.warn(
      `PostgreSQL is not reachable at ${url} (${failure.message}); the PostgreSQL run is skipped. \`npm run test:setup\` installs and starts it.`,
    );
    process.exit(process.env.CI === 'true' ? 1 : 0);
  }
  const jest = (args) =>
    spawnSync(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...args], {
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE: 'postgresql' },
    }).status;
  const suites = postgresqlSuites();
  console.log(`on PostgreSQL: ${suites.length} suites that use a database`);
  // Three workers: these suites wait on PostgreSQL much of the time, and no browser runs beside them.
  process.exit(jest(['--maxWorkers=3', ...suites]) ?? 1);
}
