import { cleanText, htmlToText } from './adapters/types.js';
import type { Fetcher } from './fetch.js';
import { MemoryStore } from './memory-store.js';
import { runSource, type ItemFailure, type RunLogger, type SyndicatedItem } from './run.js';
import type { SourceConfig } from './source-config.js';

/**
 * What a source would yield, before anyone saves or enables it (`gongkai source try`, 试采集 in the
 * Admin UI): one real run of it into a store in memory, so the preview is exactly what the scheduler
 * would bring — the same fetching, adapters, extraction order, sanitizing and feed-content setting —
 * and nothing is stored.
 */

export interface PreviewItem {
  title: string;
  url: string;
  publishedAt?: string;
  number?: string;
  issuer?: string;
}

export interface SourcePreview {
  ok: boolean;
  /** The run-level error (list unreachable, not a feed, empty list, invalid configuration). */
  error?: string;
  warnings: string[];
  /** Entries the lists had (before `maxItems`). */
  itemsSeen: number;
  items: PreviewItem[];
  /** The first item's extracted body, sanitized, and as text. */
  first?: PreviewItem & { writtenAt?: string; bodyHtml: string; bodyText: string; attachments: { url: string; name: string }[] };
  failures: ItemFailure[];
}

/** The fields a preview needs; the rest of a SourceConfig is filled with neutral values. */
export type PreviewConfig = Pick<SourceConfig, 'adapter' | 'listUrls'> &
  Partial<Pick<SourceConfig, 'fields' | 'list' | 'detail' | 'charset' | 'feedContent' | 'allowedHosts' | 'name'>>;

export const PREVIEW_MAX_ITEMS = 10;

export async function previewSource(
  config: PreviewConfig,
  { fetcher, maxItems = PREVIEW_MAX_ITEMS, log, now }: { fetcher: Fetcher; maxItems?: number; log?: RunLogger; now?: () => Date },
): Promise<SourcePreview> {
  const source: SourceConfig = {
    key: 'preview',
    name: config.name || '试采集',
    level: 'city',
    schedule: '0 0 * * *',
    targetColumn: 'preview',
    policy: 'review',
    enabled: false,
    ...config,
    maxItems,
    checkEdits: false,
  };
  const store = new MemoryStore();
  const record = await runSource(source, { store, fetcher, log, now });
  const items = store.items().map(previewItem);
  const saved = store.items()[0];
  const preview: SourcePreview = {
    ok: record.ok,
    warnings: record.warnings,
    itemsSeen: record.itemsSeen,
    items,
    failures: record.itemFailures,
  };
  if (record.error) preview.error = record.error;
  if (saved) {
    preview.first = {
      ...previewItem(saved),
      ...(saved.writtenAt ? { writtenAt: saved.writtenAt.toISOString() } : {}),
      bodyHtml: saved.bodyHtml,
      bodyText: cleanText(htmlToText(saved.bodyHtml)),
      attachments: saved.attachments,
    };
  }
  return preview;
}

function previewItem(item: SyndicatedItem): PreviewItem {
  const result: PreviewItem = { title: item.title, url: item.url };
  if (item.publishedAt) result.publishedAt = item.publishedAt.toISOString();
  if (item.number) result.number = item.number;
  if (item.issuer) result.issuer = item.issuer;
  return result;
}
