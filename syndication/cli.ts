import type { DatabaseContext } from '../src/platform/db/prisma.js';
import fs from 'node:fs';
import { HttpFetcher } from './core/fetch.js';
import { previewSource, type PreviewConfig, type PreviewItem, type SourcePreview } from './core/preview.js';
import { ADAPTER_LABELS, ADAPTERS, ADAPTER_ALIASES, adapterNamed, FEED_CONTENT_MODES, type FeedContentMode } from './core/source-config.js';
import type { RunDeps, RunRecord, SyndicatedItem } from './core/run.js';
import { dryRunSyndicationSource, runSyndicationSource } from './runner.js';

/*
 * The command line of syndication (S9): `gongkai source try` previews a source that is not saved
 * anywhere; `gongkai syndicate [KEY…] [--dry-run] [--json]` runs saved sources now.
 */

/** A problem with what was typed: the command says it and exits with 1. */
export class UsageError extends Error {}

export interface TryOptions {
  adapter?: string;
  url?: string;
  selectors?: string;
  charset?: string;
  feedContent?: string;
  json: boolean;
}

/** `gongkai source try --adapter feed|json-list|gov-search-api|html-list --url URL [--selectors FILE] [--charset X] [--json]`. */
export async function sourceTry(options: TryOptions, out: (text: string) => void): Promise<number> {
  const config = tryConfig(options);
  // Outbound requests follow the rules of every fetch: public addresses, plus GONGKAI_OUTBOUND_ALLOW.
  const preview = await previewSource(config, { fetcher: new HttpFetcher() });
  out(options.json ? JSON.stringify(preview, null, 2) : renderPreview(config, preview));
  return preview.ok && preview.items.length > 0 ? 0 : 1;
}

function tryConfig(options: TryOptions): PreviewConfig {
  if (!options.adapter)
    throw new UsageError(`请用 --adapter 指定采集方式：${ADAPTERS.join('、')}（也可写 ${Object.keys(ADAPTER_ALIASES).join('、')}）`);
  const adapter = adapterNamed(options.adapter);
  if (!adapter)
    throw new UsageError(
      `未知的采集方式“${options.adapter}”：应为 ${ADAPTERS.join('、')}（也可写 ${Object.keys(ADAPTER_ALIASES).join('、')}）`,
    );
  if (!options.url) throw new UsageError('请用 --url 指定列表地址');
  const config: PreviewConfig = { adapter, listUrls: [options.url] };
  if (options.selectors) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(options.selectors, 'utf8'));
    } catch (error) {
      throw new UsageError(`无法读取选择器文件 ${options.selectors}：${error instanceof Error ? error.message : String(error)}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new UsageError('选择器文件必须是 JSON 对象，例如 {"list": {"item": "ul.list li"}}（与管理后台“字段名与选择器”相同）');
    const selectors = parsed as Record<string, unknown>;
    for (const key of Object.keys(selectors))
      if (!['fields', 'list', 'detail'].includes(key))
        throw new UsageError(`选择器文件中未知的配置项：${key}（可用 fields、list、detail）`);
    Object.assign(config, selectors);
  }
  if (options.charset) config.charset = options.charset;
  if (options.feedContent) {
    if (!FEED_CONTENT_MODES.includes(options.feedContent as FeedContentMode))
      throw new UsageError(`--feed-content 应为 ${FEED_CONTENT_MODES.join('、')}`);
    config.feedContent = options.feedContent as FeedContentMode;
  }
  return config;
}

const day = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '（无）';

function itemLines(item: PreviewItem, n: number): string[] {
  return [
    `${n}. ${item.title}`,
    `   网址：${item.url}`,
    `   发布日期：${day(item.publishedAt)}　文号：${item.number ?? '（无）'}　发文机关：${item.issuer ?? '（无）'}`,
  ];
}

export function renderPreview(config: PreviewConfig, preview: SourcePreview): string {
  const lines = [`试采集 ${config.listUrls[0]}（${ADAPTER_LABELS[config.adapter]}）`];
  if (preview.error) lines.push(`失败：${preview.error}`);
  for (const warning of preview.warnings) lines.push(`警告：${warning}`);
  lines.push(
    `列表共 ${preview.itemsSeen} 条，试采集 ${preview.items.length} 条${preview.failures.length ? `，失败 ${preview.failures.length} 条` : ''}：`,
  );
  preview.items.forEach((item, i) => lines.push(...itemLines(item, i + 1)));
  for (const failure of preview.failures)
    lines.push(`采集失败：${failure.title ? `${failure.title} ` : ''}${failure.url}：${failure.message}`);
  if (preview.first) {
    const text = preview.first.bodyText;
    lines.push('', `第 1 条的正文（${text.length} 字）：`, text.length > 600 ? `${text.slice(0, 600)}…` : text);
    for (const a of preview.first.attachments) lines.push(`附件：${a.name} ${a.url}`);
  }
  return lines.join('\n');
}

export interface SyndicateOptions {
  dryRun: boolean;
  json: boolean;
  /** A progress line on stderr (only on a terminal). */
  progress: boolean;
}

interface SourceResult {
  key: string;
  name: string;
  record: RunRecord;
  items?: SyndicatedItem[];
}

/** `gongkai syndicate [KEY…] [--dry-run] [--json]`: exit 1 when a source failed. */
export async function syndicateSources(
  context: DatabaseContext,
  keys: string[],
  options: SyndicateOptions,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const sources = (await context.prisma.syndicationSource.findMany({
    where: keys.length ? { key: { in: keys } } : { enabled: true },
    orderBy: { key: 'asc' },
  })) as { key: string; name: string }[];
  const missing = keys.filter((k) => !sources.some((s) => s.key === k));
  if (missing.length) throw new UsageError(`没有这些转载来源：${missing.join('、')}`);
  if (!sources.length && !options.json) out('没有已启用的转载来源');
  const results: SourceResult[] = [];
  for (const source of sources) {
    const onProgress: RunDeps['onProgress'] = options.progress ? (p) => err(`\r${progressBar(source.name, p.done, p.total)}`) : undefined;
    if (options.dryRun) {
      const { record, items } = await dryRunSyndicationSource(context, source.key, { onProgress });
      results.push({ key: source.key, name: source.name, record, items });
    } else {
      results.push({ key: source.key, name: source.name, record: await runSyndicationSource(context, source.key, { onProgress }) });
    }
    if (options.progress) err('\n');
    if (!options.json) out(summaryLine(results[results.length - 1], options.dryRun));
  }
  if (options.json)
    out(
      JSON.stringify(
        results.map((r) => jsonResult(r, options.dryRun)),
        null,
        2,
      ),
    );
  return results.some((r) => !r.record.ok) ? 1 : 0;
}

function progressBar(name: string, done: number, total: number): string {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : 0;
  return `${name} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}   `;
}

function summaryLine({ name, record, items }: SourceResult, dryRun: boolean): string {
  const lines = [
    `${dryRun ? '（试运行，未保存）' : ''}${name}：发现 ${record.itemsSeen} 条，${dryRun ? '将新增' : '新增'} ${record.itemsNew} 条，上游修改 ${record.itemsChanged} 条${record.ok ? '' : `；失败：${record.error}`}`,
  ];
  for (const warning of record.warnings) lines.push(`  警告：${warning}`);
  for (const failure of record.itemFailures) lines.push(`  采集失败：${failure.url}：${failure.message}`);
  for (const item of items ?? []) lines.push(`  + ${item.title} ${item.url}`);
  return lines.join('\n');
}

function jsonResult({ key, name, record, items }: SourceResult, dryRun: boolean) {
  return {
    key,
    name,
    dryRun,
    ok: record.ok,
    startedAt: record.startedAt.toISOString(),
    finishedAt: record.finishedAt.toISOString(),
    ...(record.error ? { error: record.error } : {}),
    itemsSeen: record.itemsSeen,
    itemsNew: record.itemsNew,
    itemsChanged: record.itemsChanged,
    itemsKnown: record.itemsKnown,
    itemsSkipped: record.itemsSkipped,
    warnings: record.warnings,
    failures: record.itemFailures,
    ...(items
      ? {
          items: items.map((i) => ({
            title: i.title,
            url: i.url,
            publishedAt: i.publishedAt?.toISOString(),
            number: i.number,
            issuer: i.issuer,
          })),
        }
      : {}),
  };
}
