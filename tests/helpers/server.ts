import type { Context } from '../../src/platform/db/prisma.js';
import request from 'supertest';
import type { DatabaseSettings } from '../../src/platform/config/env.js';
import { createConfig } from '../../src/app/keystone-config.js';
import { createApiServer } from '../../src/platform/db/keystone-internals.js';

/** The GraphQL API and our routes over a test database, driven with supertest. */
export async function apiServer(db: DatabaseSettings, context: Context) {
  const { expressServer } = await createApiServer(createConfig(db), context);
  return expressServer;
}

type App = Awaited<ReturnType<typeof apiServer>>;

export async function graphql(app: App, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const req = request(app).post('/api/graphql').set('content-type', 'application/json').set('apollo-require-preflight', 'true');
  if (cookie) req.set('cookie', cookie);
  const res = await req.send({ query, variables });
  return res;
}

/** Signs in through the GraphQL API; returns the session cookie. */
export async function signIn(app: App, username: string, password: string): Promise<string> {
  const res = await graphql(
    app,
    `mutation($u: String!, $p: String!) { authenticateUserWithPassword(username: $u, password: $p) {
      ... on UserAuthenticationWithPasswordSuccess { item { id } }
      ... on UserAuthenticationWithPasswordFailure { message } } }`,
    { u: username, p: password },
  );
  const cookie = res.headers['set-cookie'];
  if (!cookie) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(res.body)}`);
  return (Array.isArray(cookie) ? cookie : [cookie]).map((c) => c.split(';')[0]).join('; ');
}
