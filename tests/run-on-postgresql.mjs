// The integration and browser tests again on PostgreSQL (`npm test` runs them on SQLite first). Without a server
// they are skipped with a note, except under CI=true, where that is a failure. The two-instance test
// runs five times in a row, as a flaky one would not.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

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
// `npm test` has set the machine up first (tests/prepare-machine.ts starts a stopped local server).
const failure = await reachable();
if (failure) {
  console.warn(`PostgreSQL is not reachable at ${url} (${failure.message}); the PostgreSQL run is skipped. \`npm run test:setup\` installs and starts it.`);
  process.exit(process.env.CI === 'true' ? 1 : 0);
}
const jest = (args) =>
  spawnSync(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...args], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE: 'postgresql' },
  }).status;
let status = jest(['tests/integration', 'tests/e2e']);
for (let run = 1; run <= 5 && status === 0; run++) {
  console.log(`two instances on one PostgreSQL database: run ${run} of 5`);
  status = jest(['tests/integration/instances', 'tests/integration/scheduler', 'tests/integration/two-processes']);
}
process.exit(status ?? 1);
