import { afterAll, beforeAll } from '@jest/globals';
import { demoPassword } from '../../src/app/demo.js';
import { useTestClock } from './clock.js';
import type { TestDatabase } from './database.js';
import { seededDemoContext } from './demo-template.js';
import { apiServer, graphql, signIn } from './server.js';

type Body = { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };

/**
 * For a test file: a fresh migrated database with the demo site, the API over it, and the demo users
 * signed in. `as(user, query)` runs GraphQL as that user (null: anonymously); `act` runs a workflow
 * mutation on one item. The demo is dated from the test clock, which the file then keeps (trust #17).
 */
export function seededApi(usernames: string[]) {
  useTestClock();
  const state = {} as { t: TestDatabase; app: Awaited<ReturnType<typeof apiServer>>; cookies: Record<string, string> };
  beforeAll(async () => {
    state.t = await seededDemoContext();
    state.app = await apiServer(state.t.db, state.t.context);
    state.cookies = {};
    for (const username of usernames) state.cookies[username] = await signIn(state.app, username, demoPassword);
  });
  afterAll(() => state.t.close());

  const as = async (username: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Body> =>
    (await graphql(state.app, query, variables, username ? state.cookies[username] : undefined)).body as Body;
  const act = (username: string, mutation: string, id: string, extra = '') =>
    as(username, `mutation($id: ID!) { ${mutation}(where: { id: $id }${extra}) { id status } }`, { id });
  return { state, as, act };
}
