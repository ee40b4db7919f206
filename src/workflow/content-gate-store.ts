/**
 * The office's dictionary (规范表述词库) from the database, compiled once per change: the automaton of a
 * few thousand entries takes a fraction of a second to build, a check a few milliseconds. Each instance
 * keeps its own compiled copy and rebuilds it when the entries' count or latest change differs.
 */
import { calendarDayOf } from '../platform/db/calendar-day.js';
import type { PrismaClient } from '../platform/db/prisma.js';
import { ContentGate, type GateEntry } from './core/content-gate.js';

interface Row {
  id: string;
  kind: string;
  category: string | null;
  term: string;
  replacement: string;
  title: string;
  retiredOn: unknown;
  termStart: unknown;
  termEnd: unknown;
  source: string;
}

export function entryOf(row: Row): GateEntry {
  return {
    id: row.id,
    kind: row.kind as GateEntry['kind'],
    category: (row.category || null) as GateEntry['category'],
    term: row.term,
    replacement: row.replacement,
    title: row.title,
    retiredOn: calendarDayOf(row.retiredOn),
    termStart: calendarDayOf(row.termStart),
    termEnd: calendarDayOf(row.termEnd),
    source: row.source,
  };
}

let cached: { key: string; gate: ContentGate; entries: GateEntry[] } | null = null;

/** The dictionary's entries and their compiled gate, as they are now. */
export async function loadContentGate(prisma: PrismaClient): Promise<{ gate: ContentGate; entries: GateEntry[] }> {
  const stats = await prisma.contentRule.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const key = `${stats._count._all}:${stats._max.updatedAt ? new Date(stats._max.updatedAt).getTime() : 0}`;
  if (cached?.key === key) return cached;
  const entries = ((await prisma.contentRule.findMany({ orderBy: { id: 'asc' } })) as Row[]).map(entryOf);
  cached = { key, gate: new ContentGate(entries), entries };
  return cached;
}
