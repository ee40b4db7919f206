import { beforeAll, expect, test } from '@jest/globals';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { seededApi } from '../../helpers/seeded-api.js';
import { allIds, askAll, fillEmptyLists, readableIds, tableOf, type Ask } from './attacker.js';
import { listKeys, listsOf, literal, selectionOf, type ListInfo } from './schema-walk.js';

/*
 * The hostile suite of custom queries and mutations (trust #4), generated from the schema: every Query and
 * Mutation field that Keystone did not generate for a list (our queries and every list's actions), called
 * by every role on records it cannot read and on a record that does not exist, must answer the same for
 * both, change nothing, and never answer with a record, a title, a text or a reason the caller cannot read.
 */

const usernames = ['yanglao', 'xinxi', 'bangongshi', 'lingdao', 'admin', 'jiuzhu'];
const roles: (string | null)[] = [null, 'yanglao', 'xinxi', 'bangongshi', 'lingdao', 'admin'];
const { state, as, act } = seededApi(usernames);
const ask = as as unknown as Ask;
const missingId = 'cl0nosuchrecord0000000000';
const name = (username: string | null) => username ?? '匿名';

let lists: ListInfo[];
beforeAll(async () => {
  lists = listsOf(state.t.context.graphql.schema);
  await fillEmptyLists(state.t.context, state.t.db, lists);
});

const paragraph = (text: string) => `<p>${text}</p>`;

/** A 删减后公开 document returned once and then published: two submitted versions to compare. */
async function returnedThenPublishedRedacted(): Promise<string> {
  const created = await as('jiuzhu', 'mutation($data: DocumentCreateInput!) { createDocument(data: $data) { id } }', {
    data: {
      title: '删减后公开的救助名单说明-trust4',
      disclosure: 'redacted',
      disclosureReason: '删减理由-trust4：名单含救助对象的个人隐私',
      body: paragraph('全文-trust4：救助对象张三，住临翔区某街道某号。'),
      redactedBody: paragraph('删减后文本-trust4：救助对象名单已删减。'),
    },
  });
  const id = created.data!.createDocument.id as string;
  await act('jiuzhu', 'submitDocument', id);
  await act('bangongshi', 'returnToDrafterDocument', id, ', reason: "请补充名单说明"');
  await as('jiuzhu', 'mutation($id: ID!, $body: String) { updateDocument(where: { id: $id }, data: { body: $body }) { id } }', {
    id,
    body: paragraph('全文-trust4：救助对象张三，住临翔区某街道某号，已补充说明。'),
  });
  await act('jiuzhu', 'submitDocument', id);
  await act('bangongshi', 'officeApproveDocument', id, ', confidentialityConclusion: "删减后不涉密，同意公开"');
  expect((await act('lingdao', 'approveDocument', id)).data?.approveDocument.status).toBe('published');
  return id;
}

const comparison = 'query($id: ID!) { revisionComparison(documentId: $id) { beforeLabel afterLabel rows { label before after changed } } }';

test('trust #4: anonymous revisionComparison of a returned, then published 删减后公开 document gives neither its full text nor its reason', async () => {
  const id = await returnedThenPublishedRedacted();
  const anonymous = JSON.stringify(await as(null, comparison, { id }));
  expect(anonymous).not.toContain('全文-trust4');
  expect(anonymous).not.toContain('删减理由-trust4');
  expect(anonymous).toContain('"revisionComparison":null');
  // The office, which reviewed it, compares the versions in full.
  const office = JSON.stringify(await as('bangongshi', comparison, { id }));
  expect(office).toContain('已补充说明');
  expect(office).toContain('删减理由-trust4');
});

// ---- Generated: every custom query and mutation, every role ----

/** The Query and Mutation fields Keystone generates for lists, its own meta query and its auth package's. */
function generatedByKeystone(schema: GraphQLSchema): Set<string> {
  const names = new Set(['keystone', 'authenticatedItem', 'endSession']);
  for (const list of lists) {
    const plural = list.query[0].toUpperCase() + list.query.slice(1);
    names
      .add(list.key[0].toLowerCase() + list.key.slice(1))
      .add(list.query)
      .add(list.count);
    for (const verb of ['create', 'update', 'delete']) names.add(`${verb}${list.key}`).add(`${verb}${plural}`);
    names.add(`authenticate${list.key}WithPassword`).add(`createInitial${list.key}`);
  }
  for (const type of [schema.getQueryType(), schema.getMutationType()])
    for (const f of Object.keys(type!.getFields())) if (/^(send|redeem|validate)\w+(Password|Magic)\w*$/.test(f)) names.add(f);
  return names;
}

const samples: Record<string, unknown> = {
  String: '测试',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: '2026-01-01T00:00:00.000Z',
  CalendarDay: '2026-01-01',
  JSON: {},
};

/** A literal for an argument type, with `id` where a record is named. */
function argumentValue(type: GraphQLInputType, id: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [argumentValue(inner.ofType, id)];
  if (isInputObjectType(inner)) {
    if (inner.name.endsWith('WhereUniqueInput')) return { id };
    return Object.fromEntries(Object.values(inner.getFields()).map((f) => [f.name, argumentValue(f.type, id)]));
  }
  if (isEnumType(inner)) return { enumValue: inner.getValues()[0].name };
  if (isScalarType(inner)) return inner.name === 'ID' ? id : samples[inner.name];
  return undefined;
}

function argumentLiteral(value: unknown): string {
  if (value && typeof value === 'object' && 'enumValue' in value) return String((value as { enumValue: string }).enumValue);
  if (Array.isArray(value)) return `[${value.map(argumentLiteral).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${argumentLiteral(v)}`)
      .join(', ')} }`;
  return literal(value);
}

/** The list whose records an argument names: `where: DocumentWhereUniqueInput`, `documentId: ID`. */
function namedList(arg: GraphQLArgument): string | undefined {
  const typeName = getNamedType(arg.type).name;
  const unique = /^(\w+)WhereUniqueInput$/.exec(typeName)?.[1];
  if (unique) return unique;
  const inner = getNamedType(arg.type);
  if (isInputObjectType(inner))
    for (const f of Object.values(inner.getFields())) {
      const found = namedList(f as unknown as GraphQLArgument);
      if (found) return found;
    }
  if (typeName === 'ID') return listKeys.find((key) => `${key[0].toLowerCase()}${key.slice(1)}Id` === arg.name);
  return undefined;
}

function call(field: GraphQLField<unknown, unknown>, id: string): string {
  const args = field.args.map((a) => [a.name, argumentValue(a.type, id)] as const).filter(([, v]) => v !== undefined);
  const argText = args.length ? `(${args.map(([k, v]) => `${k}: ${argumentLiteral(v)}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  return `${field.name}${argText}${isObjectType(named) ? ` { ${selectionOf(named, 1)} }` : ''}`;
}

/** Every string of an answer or a record, inside JSON and rich text too. */
function leaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
  return out;
}

/** Text that identifies what it came from: Chinese text, a phone or ID number, an address. */
const telling = (s: string) => s.length >= 6 && (/[\u4e00-\u9fff]/.test(s) || /^[\d\-+ ()]{11,}$/.test(s) || /\S@\S/.test(s));

/**
 * Fields that echo the API's own words: the 操作日志 (N20) records each call's action label and answer,
 * refusals included, so its text is what every caller is told anyway. The records those answers
 * name are secrets in their own lists; the log's actors and addresses stay secrets here.
 */
const echoFields: Record<string, string[]> = { OperationLog: ['action', 'operation', 'target', 'detail'] };

/** What `username` must never be told: every text of records it cannot read, and of fields it reads as null. */
async function secretsOf(username: string | null, readable: Map<string, Set<string>>): Promise<string[]> {
  const schema = state.t.context.graphql.schema;
  const selections = lists.map((list) => {
    const type = schema.getType(list.key) as GraphQLObjectType;
    const parts = Object.values(type.getFields()).flatMap((f) => {
      const named = getNamedType(f.type);
      if (f.args.some((a) => isNonNullType(a.type))) return [];
      return isScalarType(named) || isEnumType(named) ? [f.name] : [];
    });
    return `${list.query} { ${parts.join(' ')} }`;
  });
  const mine = await askAll(
    ask,
    username,
    selections.map((s, i) => [`l${i}`, s]),
  );
  const seen = JSON.stringify([...mine.values()].map((a) => a.data));
  const secrets = new Set<string>();
  for (const [i, list] of lists.entries()) {
    const truth = (await state.t.context.sudo().graphql.run({ query: `{ rows: ${selections[i]} }` })) as {
      rows: Record<string, unknown>[];
    };
    const myRows = new Map(((mine.get(`l${i}`)!.data as Record<string, unknown>[] | null) ?? []).map((r) => [r.id, r]));
    for (const row of truth.rows) {
      const own = readable.get(list.key)!.has(String(row.id)) ? myRows.get(row.id) : undefined;
      for (const [field, value] of Object.entries(row)) {
        if (echoFields[list.key]?.includes(field)) continue;
        if (!own || own[field] === null) for (const s of leaves(value)) secrets.add(s);
      }
    }
  }
  return [...secrets].filter((s) => telling(s) && !seen.includes(JSON.stringify(s).slice(1, -1)));
}

test('trust #4: no custom query or mutation tells apart, changes or reveals records the caller cannot read (every role × custom field, generated)', async () => {
  const { context } = state.t;
  const schema = context.graphql.schema;
  const generated = generatedByKeystone(schema);
  const custom = (['query', 'mutation'] as const).flatMap((operation) =>
    Object.values((operation === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields())
      .filter((f) => !generated.has(f.name))
      .map((field) => ({ operation, field: field as GraphQLField<unknown, unknown> })),
  );
  // Not vacuous: our queries and the lists' actions are all here.
  const customNames = custom.map((c) => c.field.name);
  expect(customNames).toEqual(
    expect.arrayContaining([
      'revisionComparison',
      'myTasks',
      'submitDocument',
      'acceptUpstreamItems',
      'answerDisclosureRequest',
      'runNowMonitorSettings',
    ]),
  );

  const failures: string[] = [];
  let compared = 0;
  for (const username of roles) {
    const all = await allIds(context, lists);
    const readable = await readableIds(ask, username, lists);
    const hidden = (listKey: string) => all.get(listKey)!.filter((id) => !readable.get(listKey)!.has(id));
    // (Ids short enough to occur by chance, as a singleton's 1, cannot be searched for.)
    const hiddenIds = new Set(
      lists
        .map((l) => l.key)
        .flatMap(hidden)
        .filter((id) => id.length >= 20),
    );
    const secrets = await secretsOf(username, readable);
    const reveals = (answer: string) => [
      ...secrets.filter((s) => answer.includes(JSON.stringify(s).slice(1, -1))),
      ...[...hiddenIds].filter((id) => answer.includes(id)),
    ];

    for (const { operation, field } of custom) {
      const listKey = field.args.map(namedList).find(Boolean);
      // The records it is asked about: up to two the caller cannot read, one it can, and one that does not exist.
      const unreadable = listKey ? hidden(listKey).slice(0, 2) : [];
      const readableOne = listKey ? [...readable.get(listKey)!][0] : undefined;
      const ids = listKey ? [...unreadable, missingId] : [missingId];
      const tables = listKey
        ? tableOf(
            context,
            lists.find((l) => l.key === listKey)!,
          )
        : undefined;
      const rowsBefore = tables
        ? await tables.findMany({
            where: { id: { in: unreadable.map((id) => (isNaN(Number(id)) ? id : Number(id))) } },
            orderBy: { id: 'asc' },
          })
        : [];
      // Mutations on a readable record would change it: queries only.
      const asked = operation === 'query' && readableOne ? [...ids, readableOne] : ids;
      const answers = await askAll(
        ask,
        username,
        asked.map((id, i) => [`a${i}`, call(field, id)]),
        operation,
      );
      const normalised = asked.map((id, i) =>
        JSON.stringify(answers.get(`a${i}`))
          .split(id)
          .join('<id>'),
      );
      for (const [i, id] of asked.entries()) {
        compared++;
        const leaked = reveals(normalised[i]);
        if (leaked.length)
          failures.push(`${name(username)}：${field.name}（${id}）的答复含有其无权读取的内容：${leaked.slice(0, 3).join('｜')}`);
        if (unreadable.includes(id) && normalised[i] !== normalised[ids.length - 1]) {
          failures.push(
            `${name(username)}：${field.name} 对无权读取的记录答 ${normalised[i]}，对不存在的记录答 ${normalised[ids.length - 1]}`,
          );
        }
      }
      if (tables && operation === 'mutation') {
        const rowsAfter = await tables.findMany({
          where: { id: { in: unreadable.map((id) => (isNaN(Number(id)) ? id : Number(id))) } },
          orderBy: { id: 'asc' },
        });
        if (JSON.stringify(rowsAfter) !== JSON.stringify(rowsBefore))
          failures.push(`${name(username)}：${field.name} 改动了其无权读取的 ${listKey} 记录`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(compared).toBeGreaterThan(custom.length * 2);
}, 300_000);
