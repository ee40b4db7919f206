import type { Context } from '../src/platform/db/prisma.js';
import { validateSourceConfig, type SourceConfig } from './core/source-config.js';
import { outboundPolicyFor } from '../src/platform/http/outbound-settings.js';

/** A 转载来源 item as stored (scalars and the target column's id). */
export interface SourceItem {
  key?: unknown;
  name?: unknown;
  level?: unknown;
  adapter?: unknown;
  listUrls?: unknown;
  selectors?: unknown;
  charset?: unknown;
  feedContent?: unknown;
  schedule?: unknown;
  policy?: unknown;
  enabled?: unknown;
  allowedHosts?: unknown;
  maxItems?: unknown;
  verified?: unknown;
  note?: unknown;
  targetColumnId?: unknown;
  targetColumn?: unknown;
}

const lines = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];

/** The syndication library's configuration of a stored source; `columnSlug` is its target column's. */
export function configInputOf(item: SourceItem, columnSlug: string | null): Record<string, unknown> {
  const selectors = (item.selectors && typeof item.selectors === 'object' ? item.selectors : {}) as Record<string, unknown>;
  const input: Record<string, unknown> = {
    key: item.key,
    name: item.name,
    level: item.level,
    adapter: item.adapter,
    listUrls: lines(item.listUrls),
    schedule: item.schedule,
    targetColumn: columnSlug ?? '',
    policy: item.policy ?? 'review',
    enabled: Boolean(item.enabled),
    verified: Boolean(item.verified),
    maxItems: typeof item.maxItems === 'number' ? item.maxItems : undefined,
  };
  for (const part of ['fields', 'list', 'detail'] as const) if (selectors[part] !== undefined) input[part] = selectors[part];
  if (typeof item.charset === 'string' && item.charset.trim()) input.charset = item.charset.trim();
  if (typeof item.feedContent === 'string' && item.feedContent) input.feedContent = item.feedContent;
  if (lines(item.allowedHosts).length) input.allowedHosts = lines(item.allowedHosts);
  if (typeof item.note === 'string' && item.note) input.note = item.note;
  return input;
}

async function columnSlugOf(item: SourceItem, context: Context): Promise<string | null> {
  const connected = (item.targetColumn as { connect?: { id?: string } } | undefined)?.connect?.id;
  const id = connected ?? (typeof item.targetColumnId === 'string' ? item.targetColumnId : null);
  if (!id) return null;
  const column = await context.sudo().prisma.column.findUnique({ where: { id }, select: { slug: true } });
  return column?.slug ?? null;
}

/**
 * Every problem with a source as it would be saved, in Chinese, for the Admin UI's validation.
 * `listUrlsChanged`: the list URLs are new or edited, so their addresses are checked (a source whose
 * address the allow-list no longer admits can still be disabled or annotated).
 */
export async function configProblems(
  item: SourceItem,
  context: Context,
  { listUrlsChanged = true }: { listUrlsChanged?: boolean } = {},
): Promise<string[]> {
  const selectors = item.selectors;
  if (selectors !== undefined && selectors !== null && (typeof selectors !== 'object' || Array.isArray(selectors))) {
    return ['字段名与选择器必须是 JSON 对象，例如 {"list": {"item": "ul.list li"}}'];
  }
  const result = validateSourceConfig(configInputOf(item, (await columnSlugOf(item, context)) ?? 'unset'));
  const problems = result.ok ? [] : result.errors.map((e) => e.message);
  if (!(await columnSlugOf(item, context))) problems.push('请选择目标栏目');
  // Issue 14 #10: a list on this machine or the intranet is refused as it is typed (the fetch refuses it
  // anyway, after DNS, at connect time; this says so before the first run).
  const policy = await outboundPolicyFor(context);
  for (const url of listUrlsChanged ? lines(item.listUrls) : []) {
    const refusal = policy.literalRefusal(url);
    if (refusal) problems.push(`列表地址 ${refusal}`);
  }
  return problems;
}

/** The runnable configuration of a stored source (already validated when it was saved). */
export async function sourceConfigOf(item: SourceItem, context: Context): Promise<SourceConfig> {
  const result = validateSourceConfig(configInputOf(item, await columnSlugOf(item, context)));
  if (!result.ok) throw new Error(`来源配置无效：${result.errors.map((e) => e.message).join('；')}`);
  return result.config;
}
