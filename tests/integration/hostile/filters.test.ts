import { beforeAll, expect, test } from '@jest/globals';
import { seededApi } from '../../helpers/seeded-api.js';
import { allIds, askAll, connect, disconnect, fillEmptyLists, linksOf, readableIds, type Ask, type Link } from './attacker.js';
import { isPlainOutput, listsOf, literal, type ListInfo, type Relationship } from './schema-walk.js';

/*
 * The hostile suite of filters (trust #3), generated from the schema: for every role (anonymous included),
 * every list × relationship field, in every nesting mode (some / every / none, to-one, null) and two levels
 * deep, the database is put in two states that differ only in links to records the caller cannot read, and
 * every answer must be the same in both. And for every filterable or orderable field: a caller who cannot
 * read it on some record it can list may neither filter nor order by it.
 */

// Anonymous, an editor (every record of another department is "another department's" to them), the
// info-construction section, the office, a leader and the system admin: the demo's accounts.
const usernames = ['yanglao', 'xinxi', 'bangongshi', 'lingdao', 'admin'];
const roles: (string | null)[] = [null, ...usernames];
// jiuzhu edits for 社会救助科, shiwu for 社会事务科.
const { state, as } = seededApi([...usernames, 'jiuzhu', 'shiwu']);
const ask = as as unknown as Ask;
const count = async (username: string | null, query: string) => {
  const body = await as(username, `{ n: ${query} }`);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.n as number;
};

let lists: ListInfo[];
beforeAll(async () => {
  lists = listsOf(state.t.context.graphql.schema);
  await fillEmptyLists(state.t.context, state.t.db, lists);
});

const name = (username: string | null) => username ?? '匿名';
const relationships = () => lists.flatMap((l) => l.relationships);

// ---- The attacks of the issue, one by one ----

test('trust #3: anonymous filters on columns by their documents see only public documents (drafts, titles by binary search)', async () => {
  const sudo = state.t.context.sudo();
  const hiddenDrafts = (await sudo.prisma.document.findMany({
    where: { status: { not: 'published' }, disclosure: { in: ['notPublic', 'onRequest'] }, columns: { some: {} } },
    select: { title: true },
  })) as { title: string }[];
  expect(hiddenDrafts.length).toBeGreaterThan(0);
  expect(await count(null, 'columnsCount(where: { documents: { some: { status: { equals: "draft" } } } })')).toBe(0);
  for (const { title } of hiddenDrafts) {
    expect(await count(null, `columnsCount(where: { documents: { some: { title: { equals: ${literal(title)} } } } })`)).toBe(0);
    // The step of a binary search: whether a title lies at or above a guess. Only public titles count.
    const atOrAbove = await count(null, `columnsCount(where: { documents: { some: { title: { gte: ${literal(title)} } } } })`);
    const above = await count(null, `columnsCount(where: { documents: { some: { title: { gt: ${literal(title)} } } } })`);
    expect(atOrAbove).toBe(above);
  }
  // The office still filters by everything.
  expect(await count('bangongshi', 'columnsCount(where: { documents: { some: { status: { equals: "draft" } } } })')).toBeGreaterThan(0);
});

test('trust #3: one filter shared by the items and their counts (as the Admin UI lists ask) is narrowed for each', async () => {
  const query =
    'query($where: ColumnWhereInput!) { items: columns(where: $where) { id } count: columnsCount(where: $where) again: columnsCount(where: $where) }';
  const where = { documents: { some: { status: { equals: 'draft' } } } };
  expect(await as(null, query, { where })).toEqual({ data: { items: [], count: 0, again: 0 } });
  const office = await as('bangongshi', query, { where });
  expect(office.data!.count).toBeGreaterThan(0);
  expect(office.data!.items).toHaveLength(office.data!.count as number);
  expect(office.data!.again).toBe(office.data!.count);
});

test('trust #3: through attachments → uploader → department, an anonymous filter learns no username, role or department', async () => {
  const sudo = state.t.context.sudo();
  const admin = (await sudo.prisma.user.findFirst({ where: { username: 'admin' } })) as { id: string };
  const published = (await sudo.prisma.document.findFirst({ where: { status: 'published', disclosure: 'proactive' } })) as { id: string };
  await sudo.prisma.media.create({
    data: {
      title: '附件-trust3',
      kind: 'document',
      file_filename: 'trust3.pdf',
      file_filesize: 4,
      uploadedBy: { connect: { id: admin.id } },
      from_Document_attachments: { connect: [{ id: published.id }] },
    },
  });
  for (const inner of [
    '{ username: { equals: "admin" } }',
    '{ role: { equals: "admin" } }',
    '{ department: { name: { contains: "科" } } }',
    '{}',
  ]) {
    const filter = `{ attachments: { some: { uploadedBy: ${inner} } } }`;
    expect(await count(null, `documentsCount(where: ${filter})`)).toBe(0);
    expect(await count(null, `columnsCount(where: { documents: { some: ${filter} } })`)).toBe(0);
  }
  // Staff, who read media and users, still find it.
  expect(
    await count('bangongshi', 'documentsCount(where: { attachments: { some: { uploadedBy: { username: { equals: "admin" } } } } })'),
  ).toBe(1);
});

test("trust #3: signed-in staff who may not read comments find no commenter's contact through consultations", async () => {
  const filter = 'consultationsCount(where: { comments: { some: { contact: { contains: "139" } } } })';
  // The info-construction section reads no comment; 社会事务科 only those on its own consultations (none).
  expect(await count('xinxi', filter)).toBe(0);
  expect(await count('shiwu', filter)).toBe(0);
  // 社会救助科 finds those on its own consultation, the office all.
  expect(await count('jiuzhu', filter)).toBe(1);
  expect(await count('bangongshi', filter)).toBe(2);
});

test("trust #3: an editor finds no other department's disclosure reason through a relationship filter", async () => {
  const sudo = state.t.context.sudo();
  const assistance = (await sudo.prisma.department.findFirst({ where: { code: 'assistance' } })) as { id: string };
  const column = (await sudo.prisma.column.findFirst({ where: { visibility: 'public' } })) as { id: string };
  await sudo.db.Document.createOne({
    data: {
      title: '不公开草稿-trust3',
      disclosure: 'notPublic',
      disclosureReason: '理由标记-trust3',
      department: { connect: { id: assistance.id } },
      columns: { connect: [{ id: column.id }] },
    },
  });
  const filter = '{ documents: { some: { disclosureReason: { contains: "理由标记-trust3" } } } }';
  expect(await count('shiwu', `columnsCount(where: ${filter})`)).toBe(0);
  expect(await count('shiwu', `catalogueEntriesCount(where: ${filter})`)).toBe(0);
  expect(await count('jiuzhu', `columnsCount(where: ${filter})`)).toBe(1);
  expect(await count('lingdao', `columnsCount(where: ${filter})`)).toBe(1);
});

// ---- Generated: every list, relationship, field and role ----

/** The questions of the battery for one relationship, as filters on its list (`inner` wraps deeper levels). */
function relationshipFilters(r: Relationship, target: string): string[] {
  const id = `{ id: { equals: ${literal(target)} } }`;
  return r.many
    ? [
        `{ ${r.field}: { some: ${id} } }`,
        `{ ${r.field}: { none: ${id} } }`,
        `{ ${r.field}: { every: ${id} } }`,
        `{ ${r.field}: { some: {} } }`,
        `{ ${r.field}: { none: {} } }`,
      ]
    : [`{ ${r.field}: ${id} }`, `{ ${r.field}: null }`, `{ ${r.field}: {} }`];
}

/** The same filter reached through a relationship of another list (one level deeper). */
const through = (r: Relationship, inner: string) => (r.many ? `{ ${r.field}: { some: ${inner} } }` : `{ ${r.field}: ${inner} }`);

test('trust #3: no relationship filter, at any depth, tells apart links to records the caller cannot read (every role × list × relationship, generated)', async () => {
  const { context } = state.t;
  const failures: string[] = [];
  let compared = 0;
  for (const username of roles) {
    const all = await allIds(context, lists);
    const readable = await readableIds(ask, username, lists);
    const hidden = (listKey: string) => all.get(listKey)!.filter((id) => !readable.get(listKey)!.has(id));
    const visible = (listKey: string) => all.get(listKey)!.filter((id) => readable.get(listKey)!.has(id));

    // For each relationship, a link from a record the caller reads (where there is one) to one it cannot.
    const target = new Map<Relationship, { from: string; to: string }>();
    for (const r of relationships()) {
      const to = hidden(r.target)[0];
      const from = visible(r.list)[0] ?? all.get(r.list)![0];
      if (!to || !from || (r.list === r.target && from === to)) continue;
      await connect(context, lists, { relationship: r, from, to });
      target.set(r, { from, to });
    }
    // Two levels deep: a readable record links to the record holding the hidden link.
    const battery: [string, string][] = [];
    const listOf = (key: string) => lists.find((l) => l.key === key)!;
    for (const [r, { from, to }] of target) {
      for (const filter of relationshipFilters(r, to)) battery.push([`q${battery.length}`, `${listOf(r.list).count}(where: ${filter})`]);
      if (!readable.get(r.list)!.has(from)) continue;
      for (const outer of relationships().filter((o) => o.target === r.list)) {
        const holder = visible(outer.list).find((id) => !(outer.list === r.list && id === from));
        if (!holder) continue;
        await connect(context, lists, { relationship: outer, from: holder, to: from });
        for (const filter of relationshipFilters(r, to).slice(0, r.many ? 1 : 2))
          battery.push([`q${battery.length}`, `${listOf(outer.list).count}(where: ${through(outer, filter)})`]);
      }
    }

    const before = await askAll(ask, username, battery);
    // The other state: no link at all to a record this caller cannot read.
    const removed: Link[] = [];
    for (const r of relationships()) {
      const unreadable = new Set(hidden(r.target));
      for (const link of await linksOf(context, lists, r)) {
        if (!unreadable.has(link.to)) continue;
        await disconnect(context, lists, link);
        removed.push(link);
      }
    }
    const after = await askAll(ask, username, battery);
    for (const link of removed) await connect(context, lists, link);

    for (const [alias, question] of battery) {
      compared++;
      const a = JSON.stringify(before.get(alias));
      const b = JSON.stringify(after.get(alias));
      if (a !== b) failures.push(`${name(username)}：${question} 有链接时 ${a}，无链接时 ${b}`);
    }
  }
  expect(failures).toEqual([]);
  // Not vacuous: every relationship was attacked by someone.
  expect(compared).toBeGreaterThan(relationships().length * 3);
}, 240_000);

test('hostile suite: a field is filtered or ordered by only where the caller reads it on every record it can list (every role × list × field, generated)', async () => {
  const { context } = state.t;
  const schema = context.graphql.schema;
  const failures: string[] = [];
  let checked = 0;
  const plainFields = (list: ListInfo) => list.scalars.filter((f) => isPlainOutput(schema, list.key, f.field) && f.field !== 'id');
  const queried = lists.filter((l) => plainFields(l).length);
  for (const username of roles) {
    const rows = await askAll(
      ask,
      username,
      queried.map((l, i) => [
        `l${i}`,
        `${l.query} { id ${plainFields(l)
          .map((f) => f.field)
          .join(' ')} }`,
      ]),
    );
    const questions: [string, string][] = [];
    const hiddenSomewhere = new Set<string>();
    for (const [i, list] of queried.entries()) {
      const mine = (rows.get(`l${i}`)!.data as Record<string, unknown>[] | null) ?? [];
      if (!mine.length) continue;
      const fields = plainFields(list);
      const selection = `id ${fields.map((f) => f.field).join(' ')}`;
      const truth = (await context.sudo().graphql.run({
        query: `query($ids: [ID!]) { rows: ${list.query}(where: { id: { in: $ids } }) { ${selection} } }`,
        variables: { ids: mine.map((r) => r.id) },
      })) as { rows: Record<string, unknown>[] };
      const byId = new Map(truth.rows.map((r) => [r.id, r]));
      for (const f of fields) {
        // Read as null where the record holds a value: the field's read rule hid it from this caller.
        if (mine.some((row) => row[f.field] === null && byId.get(row.id)?.[f.field] !== null))
          hiddenSomewhere.add(`${list.key}.${f.field}`);
        if (f.filterable && f.sample !== undefined)
          questions.push([
            `f${questions.length}_${list.key}_${f.field}`,
            `${list.count}(where: { ${f.field}: { equals: ${literal(f.sample)} } })`,
          ]);
        if (f.orderable)
          questions.push([`o${questions.length}_${list.key}_${f.field}`, `${list.query}(orderBy: { ${f.field}: asc }) { id }`]);
      }
    }
    const answers = await askAll(ask, username, questions);
    for (const [alias] of questions) {
      checked++;
      const [, listKey, field] = /^[fo]\d+_(\w+?)_(\w+)$/.exec(alias)!;
      if (hiddenSomewhere.has(`${listKey}.${field}`) && answers.get(alias)!.errors.length === 0) {
        failures.push(
          `${name(username)}：${listKey}.${field} 在其可读的记录上不可读，却可以${alias.startsWith('f') ? '按它筛选' : '按它排序'}`,
        );
      }
    }
  }
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(100);
}, 120_000);

test('the Admin UI search of every list works for every role that may list it: no search field it may not filter', async () => {
  // What the Admin UI asks when one types in a list's search box or in a relationship picker (its search fields,
  // each `contains`); a field a role may not filter makes the whole search fail (the picker shows 加载失败).
  const meta =
    'query { keystone { adminMeta { lists { key isSingleton initialSearchFields graphql { names { listQueryName } } fields { key fieldMeta } } } } }';
  type ListMeta = {
    key: string;
    isSingleton: boolean;
    initialSearchFields: string[];
    graphql: { names: { listQueryName: string } };
    fields: { key: string; fieldMeta: { shouldUseModeInsensitive?: boolean } | null }[];
  };
  const refused: string[] = [];
  for (const username of usernames) {
    const body = await as(username, meta);
    const metaLists = (body.data as { keystone: { adminMeta: { lists: ListMeta[] } } }).keystone.adminMeta.lists;
    // A singleton (网站设置, 监测设置) has no list to search.
    for (const list of metaLists.filter((l) => !l.isSingleton)) {
      const or = list.initialSearchFields
        .filter((field) => field !== 'id')
        .map((field) => {
          const insensitive = list.fields.find((f) => f.key === field)?.fieldMeta?.shouldUseModeInsensitive;
          return { [field]: { contains: '救灾', ...(insensitive ? { mode: 'insensitive' } : {}) } };
        });
      if (!or.length) continue;
      const answer = await as(
        username,
        `query($where: ${list.key}WhereInput!) { items: ${list.graphql.names.listQueryName}(where: $where, take: 1) { id } }`,
        {
          where: { OR: or },
        },
      );
      if (answer.errors) refused.push(`${username} ${list.key}: ${answer.errors.map((e) => e.message).join('；')}`);
    }
  }
  expect(refused).toEqual([]);
});
