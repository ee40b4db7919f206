/*
 * bench/graphql-limits: how fast a hostile anonymous GraphQL query is refused, and how /healthz answers meanwhile,
 * against /healthz alone and a small legitimate query, all in the same run on one started instance (`gongkai
 * start`, as the README runs it). Targets (issue: trust first, #9): a 200-alias anonymous query refused in under a
 * second; /healthz under 100 ms while it is being refused.
 *
 *   npm run bench:graphql-limits       (BENCH_ROUNDS=20)
 */
import { startService } from '../tests/helpers/service.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const service = await startService();
try {
  const post = (query: string) =>
    fetch(`${service.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    }).then((r) => r.text());
  const health = () => fetch(`${service.url}/healthz`).then((r) => r.text());
  const aliases = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: documents(where: { title: { contains: "${i}" } }) { id title }`).join(' ')} }`;
  const nested = `{ columns { ${'parent { '.repeat(150)}id${' }'.repeat(150)} } }`;
  const small = '{ documents(take: 5) { id title } }';

  const healthAlone: number[] = [];
  const smallQuery: number[] = [];
  const refusedAliases: number[] = [];
  const refusedNesting: number[] = [];
  const healthDuring: number[] = [];
  for (let i = 0; i < 3; i++) await Promise.all([health(), post(small), post(aliases)]);
  for (let i = 0; i < rounds; i++) {
    healthAlone.push(await timed(health));
    smallQuery.push(await timed(() => post(small)));
    refusedNesting.push(await timed(() => post(nested)));
    const refusal = timed(() => post(aliases));
    healthDuring.push(await timed(health));
    refusedAliases.push(await refusal);
  }
  const row = (name: string, values: number[]) =>
    console.log(
      `${name.padEnd(34)} median ${percentile(values, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(values, 95).toFixed(1).padStart(7)} ms   ×${(percentile(values, 50) / percentile(healthAlone, 50)).toFixed(1)} of /healthz alone`,
    );
  console.log(`${rounds} rounds on one instance (${service.url})`);
  row('/healthz alone', healthAlone);
  row('small anonymous query (5 documents)', smallQuery);
  row('200-alias query, refused', refusedAliases);
  row('150 levels of nesting, refused', refusedNesting);
  row('/healthz during a refusal', healthDuring);
  console.log(
    `targets: refusal p95 < 1000 ms: ${percentile(refusedAliases, 95) < 1000 ? 'met' : 'NOT met'}; /healthz during a refusal p95 < 100 ms: ${percentile(healthDuring, 95) < 100 ? 'met' : 'NOT met'}`,
  );
} finally {
  await service.stop();
}
