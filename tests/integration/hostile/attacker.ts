import type { Context } from '../../../src/platform/db/prisma.js';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot, type DatabaseSettings } from '../../../src/platform/config/env.js';
import type { ListInfo, Relationship } from './schema-walk.js';

/*
 * The attacker's tools for the hostile suites: many questions in few requests, who reads what, and the
 * records and links an attack needs, made straight in the database so every list has something to find.
 */

export type Ask = (
  username: string | null,
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{
  data?: Record<string, unknown>;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}>;

export interface Answer {
  data: unknown;
  errors: string[];
}

/** How many aliased fields go in one request (the API limits aliases per request). */
export const aliasesPerRequest = 10;

/** Asks every `[alias, field selection]` as `username` (null: anonymously), a few per request. */
export async function askAll(
  ask: Ask,
  username: string | null,
  entries: [string, string][],
  operation: 'query' | 'mutation' = 'query',
): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  for (let i = 0; i < entries.length; i += aliasesPerRequest) {
    const chunk = entries.slice(i, i + aliasesPerRequest);
    const body = await ask(username, `${operation} { ${chunk.map(([alias, selection]) => `${alias}: ${selection}`).join('\n')} }`);
    // The API's size limits (cost, depth, tokens) judge the request, never a record: a batch over them is asked
    // one question at a time, and a single question over them is a refusal that answers alike for every record.
    if (!body.data && body.errors?.length && body.errors.every((e) => e.extensions?.code === 'GRAPHQL_LIMIT_EXCEEDED')) {
      if (chunk.length === 1) answers.set(chunk[0][0], { data: null, errors: body.errors.map((e) => e.message) });
      else
        for (const entry of chunk)
          for (const [alias, answer] of await askAll(ask, username, [entry], operation)) answers.set(alias, answer);
      continue;
    }
    // A question the schema refuses as a whole would make the whole batch answer alike: never the point.
    if (!body.data) throw new Error(`请求整体被拒绝：${JSON.stringify(body.errors)}\n${chunk.map(([, s]) => s).join('\n')}`);
    for (const [alias] of chunk) {
      answers.set(alias, {
        data: body.data[alias],
        errors: (body.errors ?? []).filter((e) => e.path?.[0] === alias).map((e) => e.message),
      });
    }
  }
  return answers;
}

type Table = {
  findMany(args?: object): Promise<Record<string, unknown>[]>;
  create(args: object): Promise<{ id: string }>;
  update(args: object): Promise<unknown>;
  count(): Promise<number>;
};
export const tableOf = (context: Context, list: ListInfo): Table => (context.sudo().prisma as unknown as Record<string, Table>)[list.table];

/** The ids `username` can list, per list, and all ids (the database's), per list. */
export async function readableIds(ask: Ask, username: string | null, lists: ListInfo[]): Promise<Map<string, Set<string>>> {
  const answers = await askAll(
    ask,
    username,
    lists.map((l, i) => [`l${i}`, `${l.query} { id }`]),
  );
  return new Map(lists.map((l, i) => [l.key, new Set(((answers.get(`l${i}`)!.data as { id: string }[] | null) ?? []).map((r) => r.id))]));
}

export async function allIds(context: Context, lists: ListInfo[]): Promise<Map<string, string[]>> {
  const all = new Map<string, string[]>();
  for (const list of lists)
    all.set(
      list.key,
      (await tableOf(context, list).findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((r) => String(r.id)),
    );
  return all;
}

/**
 * Makes sure every list has at least `atLeast` records: an empty list is filled with records holding only
 * what the database requires (read from the Prisma schema Keystone generated), so no list is skipped.
 */
export async function fillEmptyLists(context: Context, db: DatabaseSettings, lists: ListInfo[], atLeast = 2): Promise<void> {
  const prismaSchema = fs.readFileSync(path.join(projectRoot, `generated/schema-${db.provider}.prisma`), 'utf8');
  for (const list of lists) {
    const table = tableOf(context, list);
    const missing = atLeast - (await table.count());
    if (missing <= 0) continue;
    const model = new RegExp(`^model ${list.key} \\{([\\s\\S]*?)^\\}`, 'm').exec(prismaSchema)?.[1] ?? '';
    // A singleton (its id fixed at 1) has its one record.
    if (!/^\s+id\s.*@default/m.test(model)) continue;
    for (let n = 0; n < missing; n++) {
      const data: Record<string, unknown> = {};
      for (const line of model.split('\n')) {
        const m = /^\s+(\w+)\s+(String|Int|Float|Boolean|DateTime|Json|Decimal|BigInt)(\?|\[\])?(?:\s+(.*))?$/.exec(line);
        // Required without a default, or unique (a shared default would collide).
        if (!m || m[3] || /@id/.test(m[4] ?? '') || (/@default/.test(m[4] ?? '') && !/@unique/.test(m[4] ?? ''))) continue;
        const samples: Record<string, unknown> = {
          String: `填充-${list.key}-${n}`,
          Int: n,
          Float: n,
          Boolean: false,
          DateTime: new Date(Date.UTC(2026, 0, 1)),
          Json: [],
          Decimal: '0',
          BigInt: BigInt(n),
        };
        data[m[1]] = samples[m[2]];
      }
      await table.create({ data });
    }
  }
}

/** A link from one record to another through a relationship field. */
export interface Link {
  relationship: Relationship;
  from: string;
  to: string;
}

export async function linksOf(context: Context, lists: ListInfo[], relationship: Relationship): Promise<Link[]> {
  const list = lists.find((l) => l.key === relationship.list)!;
  const rows = await tableOf(context, list).findMany({ select: { id: true, [relationship.field]: { select: { id: true } } } });
  return rows.flatMap((row) => {
    const linked = row[relationship.field] as { id: string } | { id: string }[] | null;
    const targets = Array.isArray(linked) ? linked.map((t) => t.id) : linked ? [linked.id] : [];
    return targets.map((to) => ({ relationship, from: String(row.id), to }));
  });
}

export async function connect(context: Context, lists: ListInfo[], link: Link): Promise<void> {
  const list = lists.find((l) => l.key === link.relationship.list)!;
  const connect = link.relationship.many ? [{ id: link.to }] : { id: link.to };
  await tableOf(context, list).update({ where: { id: link.from }, data: { [link.relationship.field]: { connect } } });
}

export async function disconnect(context: Context, lists: ListInfo[], link: Link): Promise<void> {
  const list = lists.find((l) => l.key === link.relationship.list)!;
  const disconnect = link.relationship.many ? [{ id: link.to }] : true;
  await tableOf(context, list).update({ where: { id: link.from }, data: { [link.relationship.field]: { disconnect } } });
}
