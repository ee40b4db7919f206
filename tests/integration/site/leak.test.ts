import { afterAll, beforeAll, expect, test } from '@jest/globals';
import request from 'supertest';
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { statusOptions, disclosureOptions } from '../../../src/platform/content/vocabulary.js';
import { paragraphsToHtml } from '../../../src/platform/demo/rich-text.js';
import type { TestDatabase } from '../../helpers/database.js';
import { seededDemoContext } from '../../helpers/demo-template.js';
import { apiServer, graphql } from '../../helpers/server.js';
import { useTestClock } from '../../helpers/clock.js';
import { selectionOf } from '../hostile/schema-walk.js';

// The demo and this file's dates follow the test clock, not the day the suite runs (trust #17).
useTestClock();

/*
 * S1 leak test: a database holding documents and interpretations in every state and attribute, and an
 * anonymous client that asks GraphQL for every list and every field it can name, and fetches every
 * public route. Nothing non-public, no reason, no audit entry and no user's data may come back.
 */

let t: TestDatabase;
let app: Awaited<ReturnType<typeof apiServer>>;
const secret = 'SECRET-MARKER';
const withheld = 'WITHHELD-MARKER';
const reasonText = 'REASON-MARKER 依据《条例》';

beforeAll(async () => {
  t = await seededDemoContext();
  const db = t.context.sudo().db;
  for (const { value: status } of statusOptions) {
    for (const { value: disclosure } of disclosureOptions) {
      const visible = status === 'published' && (disclosure === 'proactive' || disclosure === 'redacted');
      const doc = await db.Document.createOne({
        data: {
          title: `${visible ? '公开' : secret}-${status}-${disclosure}`,
          status,
          disclosure,
          disclosureReason: disclosure === 'proactive' ? '' : reasonText,
          body: paragraphsToHtml([disclosure === 'redacted' ? withheld : `正文-${visible ? '公开' : secret}`]),
          redactedBody: disclosure === 'redacted' ? paragraphsToHtml(['删减后公开文本']) : '',
          lastReturnReason: reasonText,
          confidentialityConclusion: reasonText,
        },
      });
      await db.Interpretation.createOne({
        data: {
          title: `${status === 'published' ? '公开解读' : secret}-${status}-${disclosure}`,
          status,
          documents: { connect: [{ id: String(doc.id) }] },
          lastReturnReason: reasonText,
        },
      });
    }
  }
  // The deadline-alert robots (their keys would let anyone post into the bureau's chats).
  await t.context.sudo().prisma.siteSettings.updateMany({ data: { alertWebhooks: `企业微信 https://qyapi.example/send?key=${secret}` } });
  app = await apiServer(t.db, t.context);
});
afterAll(() => t.close());

/** Tokens of a selection, as the API's parser counts names and braces. */
const tokensOf = (selection: string) => (selection.match(/[{}]|\w+/g) ?? []).length;
/** Below this many tokens a selection stays within the anonymous API's limits (1000 tokens, cost 1000; nested lists cost most). */
const partTokens = 300;

/**
 * What a query can ask of a type to `depth` levels, in parts within the anonymous API's limits: the whole
 * selection when it is small, else its plain fields together and each related object's parts on their own.
 */
function selectionParts(type: GraphQLObjectType, depth: number): string[] {
  const whole = selectionOf(type, depth);
  if (tokensOf(whole) < partTokens) return [whole];
  const pieces = selectionOf(type, 0) ? [selectionOf(type, 0)] : [];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named) || depth === 0 || field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    for (const inner of selectionParts(named, depth - 1)) if (inner) pieces.push(`${field.name} { ${inner} }`);
  }
  return pieces;
}

test('S1: an anonymous client finds no non-public document, reason, audit entry or user data in any list or field', async () => {
  const schema = t.context.graphql.schema;
  const queryType = schema.getQueryType()!;
  const ids = (await t.context.prisma.document.findMany({ select: { id: true } })).map((d: { id: string }) => d.id);
  const jdIds = (await t.context.prisma.interpretation.findMany({ select: { id: true } })).map((d: { id: string }) => d.id);
  const responses: string[] = [];
  for (const field of Object.values(queryType.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named) || field.name === 'keystone') continue;
    const required = field.args.filter((a) => isNonNullType(a.type));
    for (const sel of selectionParts(named, 2)) {
      if (required.length === 0) {
        responses.push(JSON.stringify((await graphql(app, `{ ${field.name} { ${sel} } }`)).body));
      } else if (required.length === 1 && required[0].name === 'where' && !isListType(field.type)) {
        const targets = named.name === 'Document' ? ids : named.name === 'Interpretation' ? jdIds : [];
        for (const id of targets)
          responses.push(
            JSON.stringify((await graphql(app, `query($id: ID!) { ${field.name}(where: { id: $id }) { ${sel} } }`, { id })).body),
          );
      }
    }
  }
  const everything = responses.join('\n');
  expect(responses.length).toBeGreaterThan(20);
  expect(everything).not.toContain('GRAPHQL_LIMIT_EXCEEDED');
  expect(everything).toContain('公开-published-proactive');
  expect(everything).toContain('删减后公开文本');
  for (const marker of [secret, withheld, 'REASON-MARKER', 'gongkai2026', '$2b$']) expect(everything).not.toContain(marker);
  // No user, department or audit data at all.
  for (const user of ['bangongshi', 'jiuzhu', '"username"']) expect(everything).not.toContain(user);
  for (const relation of ['department', 'drafter', 'confidentialityReviewedBy', 'uploadedBy', 'actor'])
    expect(everything).not.toMatch(new RegExp(`"${relation}":\\{`));
  expect(everything).not.toMatch(/"auditEntries":\[\{/);
  // Many small queries (one per part and record): several thousand on a loaded machine.
}, 300_000);

test('S1: a published 删减后公开 document shows the public only its redacted text', async () => {
  const res = await graphql(
    app,
    '{ documents(where: { disclosure: { equals: "redacted" } }) { title body redactedBody disclosureReason } }',
  );
  const docs = res.body.data.documents as {
    title: string;
    body: unknown;
    redactedBody: string;
    disclosureReason: unknown;
  }[];
  expect(docs.length).toBeGreaterThan(0);
  for (const doc of docs) {
    expect(doc.body).toBeNull();
    expect(doc.disclosureReason).toBeNull();
    expect(doc.redactedBody).not.toContain(withheld);
  }
});

test('S1: the public routes show nothing non-public', async () => {
  const prisma = t.context.prisma;
  const paths = [
    '/',
    '/healthz',
    '/setup',
    '/api/graphql?query=%7Bdocuments%7Btitle%7D%7D',
    ...(await prisma.column.findMany()).map((c: { slug: string }) => `/columns/${c.slug}`),
    ...(await prisma.document.findMany()).map((d: { id: string }) => `/documents/${d.id}`),
    ...(await prisma.interpretation.findMany()).map((d: { id: string }) => `/interpretations/${d.id}`),
  ];
  expect(paths.length).toBeGreaterThan(100);
  for (const path of paths) {
    const res = await request(app).get(path).set('apollo-require-preflight', 'true');
    expect(res.status).toBeLessThan(500);
    for (const marker of [secret, withheld, 'REASON-MARKER']) expect(res.text ?? '').not.toContain(marker);
  }
});

test('the deadline-alert robots (网站设置 → 时限提醒机器人) are not readable by the public', async () => {
  const res = await graphql(app, '{ siteSettings { siteName alertWebhooks } }');
  expect(res.body.data.siteSettings.siteName).toBeTruthy();
  expect(res.body.data.siteSettings.alertWebhooks).toBeNull();
  expect(JSON.stringify(res.body)).not.toContain(secret);
});
