import { acceptFor, documentBase, parseListPage, type ListItem } from './adapters/index.js';
import { cleanText, htmlToText } from './adapters/types.js';
import { contentHash, dedupKey } from './dedup.js';
import { errorMessage, SyndicationError } from './errors.js';
import { extractDetail, type ExtractedDetail } from './extract.js';
import { FetchError, type FetchResult, type Fetcher } from './fetch.js';
import { listAssets, sanitizeBody } from '../../src/platform/content/sanitize.js';
import {
  allowedHostsOf,
  DEFAULT_FEED_CONTENT,
  DEFAULT_MAX_ITEMS,
  isAllowedHost,
  validateSourceConfig,
  type ReprintPolicy,
  type SourceConfig,
  type SourceLevel,
} from './source-config.js';

/**
 * One run of one source (S9): fetch its lists (conditionally), parse them, and hand every new document —
 * fetched, extracted, sanitized — to the store with the source's policy. The store is the source of
 * truth and is keyed by dedup key, so a run that dies half-way is simply run again.
 */

/** What the store knows of an item. Tombstones (rejected, deleted) keep items from coming back. */
export type KnownStatus = 'reprinted' | 'queued' | 'rejected' | 'deleted';

export interface KnownItem {
  status: KnownStatus;
  /** Hash of the latest upstream version seen (saved, or last flagged as changed). */
  contentHash: string;
  /** Validators of the detail page from the last fetch, for a conditional re-check. */
  etag?: string;
  lastModified?: string;
}

/** A document ready for the CMS: what `saveNew` and `flagChanged` receive. */
export interface SyndicatedItem {
  dedupKey: string;
  sourceKey: string;
  /** For the attribution (来源). */
  sourceName: string;
  sourceLevel: SourceLevel;
  targetColumn: string;
  /** auto-publish: publish it; review: put it in the review queue. */
  policy: ReprintPolicy;
  /** The detail page (after redirects): the attribution link (原文链接). */
  url: string;
  /** The list the item was found on. */
  listUrl: string;
  upstreamId?: string;
  title: string;
  /** Sanitized, with absolute upstream URLs (or local ones if `deps.localizeAssets` rewrote them). */
  bodyHtml: string;
  summary?: string;
  number?: string; // 发文字号
  issuer?: string; // 发文机关
  writtenAt?: Date; // 成文日期
  publishedAt?: Date; // 发布日期
  images: { url: string; alt: string }[];
  attachments: { url: string; name: string }[];
  contentHash: string;
  /** Validators of the detail page, to store for the next conditional re-check. */
  etag?: string;
  lastModified?: string;
  fetchedAt: Date;
}

export interface ListState {
  etag?: string;
  lastModified?: string;
  /** Items the list parsed to last time (an empty list after that is a redesign, not "nothing new"). */
  itemCount?: number;
}

/** Per-source state the store keeps between runs (all of it is in each RunRecord's `state`). */
export interface SourceState {
  /** By list URL. */
  lists: Record<string, ListState>;
  lastRunAt?: Date;
  lastSuccessAt?: Date;
  lastErrorAt?: Date;
  lastError?: string;
  consecutiveFailures: number;
  /** While failing: do not run before this (see shouldRun). */
  nextAttemptAfter?: Date;
  /** Counts of the last run. */
  itemsSeen?: number;
  itemsNew?: number;
  /** What the last run read in spite of it (a feed recovered from errors); cleared by a clean run. */
  lastWarning?: string;
}

export interface ItemFailure {
  url: string;
  title?: string;
  message: string;
}

export interface RunRecord {
  sourceKey: string;
  startedAt: Date;
  finishedAt: Date;
  /** False when a list failed (fetch, parse, empty list) or every attempted item failed. */
  ok: boolean;
  /** Chinese message(s) of the run-level failure. */
  error?: string;
  itemsSeen: number;
  itemsNew: number;
  itemsChanged: number;
  /** Known items left alone: unchanged, tombstoned, or duplicates within the run. */
  itemsKnown: number;
  /** Links outside the source's allowed hosts (a hijacked list, N9), not followed. */
  itemsSkipped: number;
  itemFailures: ItemFailure[];
  /** A list parsed to no item (a redesign, or wrong selectors): alerted at once, not after three runs. */
  listEmpty: boolean;
  /**
   * What was read in spite of a problem, in Chinese: a feed recovered from errors (its items still
   * count), a detail page replaced by the feed's own content.
   */
  warnings: string[];
  /** The source's state after this run: what `recordRun` should persist. */
  state: SourceState;
}

/**
 * The store the caller implements over the database. Every method may be called again for the same key
 * after a crash: `saveNew` must ignore a key it already has (a unique constraint on dedupKey).
 */
export interface SyndicationStore {
  knownItem(dedupKey: string): Promise<KnownItem | null>;
  /** Optional: the known items among many keys at once (a list's), by key; unknown keys are absent. */
  knownItems?(dedupKeys: string[]): Promise<Map<string, KnownItem>>;
  /** A new document: publish it or queue it for review according to `item.policy`. */
  saveNew(item: SyndicatedItem): Promise<void>;
  /**
   * Optional: several new documents at once (as `saveNew` each, in one write): a run hands them over
   * ten at a time, and at the end of each list.
   */
  saveNewMany?(items: SyndicatedItem[]): Promise<void>;
  /**
   * A known (queued or reprinted) document changed upstream. Never overwrite a reprinted document:
   * flag it for an editor. Remember `item.contentHash` (and validators) so `knownItem` returns it and
   * the same edit is flagged once.
   */
  flagChanged(dedupKey: string, item: SyndicatedItem): Promise<void>;
  /** Optional: new validators of an unchanged detail page, so the next check can be a 304. */
  touch?(dedupKey: string, validators: { etag?: string; lastModified?: string }): Promise<void>;
  sourceState(sourceKey: string): Promise<SourceState | null>;
  recordRun(sourceKey: string, record: RunRecord): Promise<void>;
}

/** pino's logger fits. */
export interface RunLogger {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

export interface RunDeps {
  store: SyndicationStore;
  fetcher: Fetcher;
  now?: () => Date;
  log?: RunLogger;
  /**
   * Optional: copy images and attachments into local storage (assets.ts `copyAsset`) and return the item
   * with rewritten URLs (sanitize.ts `rewriteAssetUrls`). A failure here fails the item, not the run.
   */
  localizeAssets?: (item: SyndicatedItem) => Promise<SyndicatedItem>;
  /** Optional: called after each item (for a progress bar); `total` grows as lists are read. */
  onProgress?: (progress: { done: number; total: number; title?: string }) => void;
}

export const BACKOFF_BASE_MS = 15 * 60 * 1000;
export const BACKOFF_MAX_MS = 24 * 60 * 60 * 1000;
/** Consecutive failures after which a source is shown as unhealthy. */
export const UNHEALTHY_AFTER = 5;

const silentLog: RunLogger = { info() {}, warn() {}, error() {} };

/** The store failed: the run stops (the store is the source of truth) and the caller sees the error. */
class StoreFailure extends Error {
  constructor(readonly original: unknown) {
    super(errorMessage(original));
  }
}

async function viaStore<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new StoreFailure(error);
  }
}

export async function runSource(source: SourceConfig, deps: RunDeps): Promise<RunRecord> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? silentLog;
  const { store, fetcher } = deps;
  try {
    return await run();
  } catch (error) {
    // The store failed (database down, or a crash to simulate one): nothing is recorded, so the next
    // run starts from the previous state and the store's dedup keys make it skip what was saved.
    if (error instanceof StoreFailure) {
      log.error({ source: source.key, err: error.original }, '转载运行中断：存储失败');
      throw error.original;
    }
    throw error;
  }

  async function run(): Promise<RunRecord> {
    const startedAt = now();
    const previous = (await viaStore(() => store.sourceState(source.key))) ?? { lists: {}, consecutiveFailures: 0 };
    const state: SourceState = { ...previous, lists: { ...previous.lists } };
    const record: Omit<RunRecord, 'finishedAt' | 'ok' | 'state'> = {
      sourceKey: source.key,
      startedAt,
      itemsSeen: 0,
      itemsNew: 0,
      itemsChanged: 0,
      itemsKnown: 0,
      itemsSkipped: 0,
      itemFailures: [],
      listEmpty: false,
      warnings: [],
    };
    const progress = { done: 0, total: 0 };
    const errors: string[] = [];
    let retryAfterMs: number | undefined;
    let attempted = 0;
    const pendingNew: SyndicatedItem[] = [];

    const validation = validateSourceConfig(source);
    if (!validation.ok) {
      errors.push(`来源配置无效：${validation.errors.map((e) => `${e.field}：${e.message}`).join('；')}`);
    } else {
      const hosts = allowedHostsOf(source);
      const seenKeys = new Set<string>();
      for (const listUrl of source.listUrls) {
        try {
          await processList(listUrl, hosts, seenKeys);
        } catch (error) {
          if (error instanceof StoreFailure) throw error;
          if (error instanceof FetchError && error.retryAfterMs !== undefined)
            retryAfterMs = Math.max(retryAfterMs ?? 0, error.retryAfterMs);
          if (error instanceof SyndicationError && error.kind === 'empty-list') record.listEmpty = true;
          errors.push(errorMessage(error));
          log.warn({ source: source.key, listUrl, err: error }, '转载列表采集失败');
        }
      }
    }
    if (errors.length === 0 && attempted > 0 && record.itemFailures.length === attempted) {
      // Every detail page failing usually means the detail pages were redesigned: not a quiet success.
      errors.push(`所有条目均采集失败（${attempted} 条），请检查详情页选择器：${record.itemFailures[0].message}`);
    }

    const finishedAt = now();
    const ok = errors.length === 0;
    state.lastRunAt = startedAt;
    state.itemsSeen = record.itemsSeen;
    state.itemsNew = record.itemsNew;
    if (record.warnings.length) state.lastWarning = record.warnings.join('；');
    else delete state.lastWarning;
    if (ok) {
      state.lastSuccessAt = finishedAt;
      state.consecutiveFailures = 0;
      delete state.nextAttemptAfter;
    } else {
      state.lastErrorAt = finishedAt;
      state.lastError = errors.join('；');
      state.consecutiveFailures = (previous.consecutiveFailures ?? 0) + 1;
      state.nextAttemptAfter = nextAttemptAfter(state.consecutiveFailures, finishedAt, retryAfterMs);
    }
    const result: RunRecord = { ...record, finishedAt, ok, state, ...(ok ? {} : { error: state.lastError }) };
    await viaStore(() => store.recordRun(source.key, result));
    log.info(
      {
        source: source.key,
        ok,
        seen: result.itemsSeen,
        new: result.itemsNew,
        changed: result.itemsChanged,
        failed: result.itemFailures.length,
      },
      ok ? '转载运行完成' : '转载运行失败',
    );
    return result;

    async function processList(listUrl: string, hosts: string[], seenKeys: Set<string>): Promise<void> {
      const listState = state.lists[listUrl] ?? {};
      const page = await fetcher.fetchText(listUrl, {
        etag: listState.etag,
        lastModified: listState.lastModified,
        charset: source.charset,
        accept: acceptFor(source.adapter),
      });
      if (page.notModified) return; // 304: nothing new on this list

      const { items, warnings } = parseListPage(source, { text: page.text, url: page.url, baseUrl: documentBase(page) });
      for (const warning of warnings) {
        record.warnings.push(`${warning}：${listUrl}`);
        log.warn({ source: source.key, listUrl, warning }, '转载列表有格式问题，已容错解析');
      }
      if (items.length === 0) {
        throw new SyndicationError(
          'empty-list',
          listState.itemCount
            ? `列表解析结果为空（上次有 ${listState.itemCount} 条），可能是网站改版，请检查列表选择器或字段名：${listUrl}`
            : `列表解析结果为空，请检查列表地址、选择器或字段名：${listUrl}`,
        );
      }
      record.itemsSeen += items.length;

      let failures = 0;
      const taken = items.slice(0, source.maxItems ?? DEFAULT_MAX_ITEMS);
      progress.total += taken.length;
      const candidates: { item: ListItem; key: string }[] = [];
      for (const item of taken) {
        if (item.url && !isAllowedHost(item.url, hosts)) {
          record.itemsSkipped++;
          progress.done++;
          log.warn({ source: source.key, url: item.url }, '条目链接不在允许的域名内，已跳过');
          continue;
        }
        const key = dedupKey(source.key, { upstreamId: item.upstreamId, url: item.url, title: item.title, content: item.content?.html });
        if (seenKeys.has(key)) {
          record.itemsKnown++;
          progress.done++;
          continue;
        }
        seenKeys.add(key);
        candidates.push({ item, key });
      }
      // Detail pages are fetched and read a few items ahead (the fetcher's per-host limit still holds),
      // while the store sees the items one at a time and in list order: a run that stops at item n has
      // saved exactly the items before it.
      // Only the items in flight are held: each is let go once the store has it (a list of 500 would
      // otherwise keep every built item and body until its end).
      // A store that can look a whole list up at once is asked once, not once per item.
      const knownOfList =
        store.knownItems && candidates.length ? await viaStore(() => store.knownItems!(candidates.map((c) => c.key))) : undefined;
      const prepared = new Map<number, Promise<Settled<Prepared>>>();
      const start = (i: number): void => {
        prepared.set(
          i,
          prepareItem(candidates[i].item, candidates[i].key, listUrl, knownOfList).then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
          ),
        );
      };
      for (let i = 0; i < Math.min(PREFETCH, candidates.length); i++) start(i);
      for (let i = 0; i < candidates.length; i++) {
        const result = await prepared.get(i)!;
        prepared.delete(i);
        if (i + PREFETCH < candidates.length) start(i + PREFETCH);
        deps.onProgress?.({ ...progress, title: candidates[i].item.title });
        progress.done++;
        if (!result.ok) throw result.error; // only the store's failures get here
        if (!(await commitItem(result.value, candidates[i].item, candidates[i].key, listUrl))) failures++;
      }
      await flushNew();
      deps.onProgress?.({ ...progress });
      // Keep the new validators only for a list done completely: otherwise the next run would get a
      // 304 and never retry the items that failed (or were not reached before a crash).
      state.lists[listUrl] =
        failures === 0
          ? { etag: page.etag, lastModified: page.lastModified, itemCount: items.length }
          : { etag: listState.etag, lastModified: listState.lastModified, itemCount: items.length };
    }

    /**
     * What an item needs before the store: whether it is known, its detail page fetched and read. Item
     * failures are returned; the store's failures propagate.
     */
    async function prepareItem(listItem: ListItem, key: string, listUrl: string, knownOfList?: Map<string, KnownItem>): Promise<Prepared> {
      const known = knownOfList ? (knownOfList.get(key) ?? null) : await viaStore(() => store.knownItem(key));
      if (known && (known.status === 'rejected' || known.status === 'deleted')) return { kind: 'known' };
      if (known && source.checkEdits === false) return { kind: 'known' };
      attempted++;
      try {
        const fetched = await fetchDetail(listItem, known);
        if (fetched === 'not-modified') return { kind: 'known' };
        // Of the page, only its validators are kept past extraction.
        const validators = fetched.page && { etag: fetched.page.etag, lastModified: fetched.page.lastModified };
        return { kind: 'built', item: buildItem(listItem, key, listUrl, fetched), known, page: validators };
      } catch (error) {
        if (error instanceof StoreFailure) throw error;
        return { kind: 'failed', error };
      }
    }

    /**
     * New items go to a store that takes several at once in batches of SAVE_BATCH, in list order: a run
     * that stops half-way has saved whole batches, and the next one saves the rest (the dedup keys make
     * a batch written twice harmless).
     */
    async function saveNew(item: SyndicatedItem): Promise<void> {
      if (!store.saveNewMany) return viaStore(() => store.saveNew(item));
      pendingNew.push(item);
      if (pendingNew.length >= SAVE_BATCH) await flushNew();
    }
    async function flushNew(): Promise<void> {
      if (!pendingNew.length) return;
      const batch = pendingNew.splice(0);
      await viaStore(() => store.saveNewMany!(batch));
    }

    /** Hands a prepared item to the store. Returns false if the item failed (recorded); store failures propagate. */
    async function commitItem(prepared: Prepared, listItem: ListItem, key: string, listUrl: string): Promise<boolean> {
      if (prepared.kind === 'known') {
        record.itemsKnown++;
        return true;
      }
      try {
        if (prepared.kind === 'failed') throw prepared.error;
        const { known, page } = prepared;
        let { item } = prepared;
        if (known && item.contentHash === known.contentHash) {
          record.itemsKnown++;
          if (
            page &&
            store.touch &&
            (page.etag !== known.etag || page.lastModified !== known.lastModified) &&
            (page.etag || page.lastModified)
          ) {
            await viaStore(() => store.touch!(key, { etag: page.etag, lastModified: page.lastModified }));
          }
          return true;
        }
        if (deps.localizeAssets) item = await deps.localizeAssets(item);
        if (known) {
          await viaStore(() => store.flagChanged(key, item));
          record.itemsChanged++;
          log.info({ source: source.key, url: item.url, status: known.status }, '上游文件已修改，已标记待处理');
        } else {
          await saveNew(item);
          record.itemsNew++;
        }
        return true;
      } catch (error) {
        if (error instanceof StoreFailure) throw error;
        record.itemFailures.push({ url: listItem.url ?? listUrl, title: listItem.title, message: errorMessage(error) });
        log.warn({ source: source.key, url: listItem.url, err: error }, '转载条目采集失败');
        return false;
      }
    }

    /**
     * The detail page, read and extracted, and the feed's own content when the source's setting takes it:
     * `always`, or `on-detail-failure` when the page cannot be fetched or read (a 404 with the document in
     * `content:encoded`). Without content to fall back on, a failing detail page fails the item.
     */
    async function fetchDetail(
      listItem: ListItem,
      known: KnownItem | null,
    ): Promise<'not-modified' | { page?: FetchResult; detail?: ExtractedDetail; content?: NonNullable<ListItem['content']> }> {
      const mode = source.feedContent ?? DEFAULT_FEED_CONTENT;
      const content = mode === 'never' ? undefined : listItem.content;
      if (!listItem.url) {
        if (!content) throw new SyndicationError('extract-failed', '条目没有链接，且本来源不使用订阅源全文');
        return { content };
      }
      let page: FetchResult;
      let detail: ExtractedDetail;
      try {
        // With the feed's content as the body, a 304 of the detail page would say nothing of it.
        const validators = mode === 'always' && content ? {} : { etag: known?.etag, lastModified: known?.lastModified };
        page = await fetcher.fetchText(listItem.url, { charset: source.charset, ...validators });
        if (page.notModified) return 'not-modified';
        detail = extractDetail({ text: page.text, url: documentBase(page) }, source.detail, { fallbackTitle: listItem.title });
      } catch (error) {
        if (!content) throw error;
        if (error instanceof FetchError && error.kind === 'refused-address') throw error;
        record.warnings.push(`详情页不可用，已使用订阅源中的全文：${listItem.url}（${errorMessage(error)}）`);
        return { content };
      }
      return mode === 'always' && content ? { page, detail, content } : { page, detail };
    }

    function buildItem(
      listItem: ListItem,
      key: string,
      listUrl: string,
      { page, detail, content }: { page?: FetchResult; detail?: ExtractedDetail; content?: NonNullable<ListItem['content']> },
    ): SyndicatedItem {
      const baseUrl = content ? content.baseUrl : documentBase(page!);
      const bodyHtml = sanitizeBody(content ? content.html : detail!.bodyHtml, { baseUrl });
      const assets = listAssets(bodyHtml, baseUrl);
      const attachments = [...(detail?.attachments ?? [])];
      for (const attachment of assets.attachments) if (!attachments.some((a) => a.url === attachment.url)) attachments.push(attachment);
      const title = detail?.title || listItem.title || titleFromBody(bodyHtml);
      if (!title) throw new SyndicationError('extract-failed', `条目没有标题：${listItem.url ?? listUrl}`);
      const item: SyndicatedItem = {
        dedupKey: key,
        sourceKey: source.key,
        sourceName: source.name,
        sourceLevel: source.level,
        targetColumn: source.targetColumn,
        policy: source.policy,
        // The 原文链接: the detail page after redirects, else the entry's link, else the feed.
        url: page?.url ?? listItem.url ?? listUrl,
        listUrl,
        title,
        bodyHtml,
        images: assets.images,
        attachments,
        contentHash: contentHash({ title, bodyHtml }),
        fetchedAt: now(),
      };
      const optional = {
        upstreamId: detail?.upstreamId ?? listItem.upstreamId,
        summary: listItem.summary,
        number: detail?.number ?? listItem.number,
        issuer: detail?.issuer ?? listItem.issuer,
        writtenAt: detail?.writtenAt,
        publishedAt: detail?.publishedAt ?? listItem.publishedAt,
        etag: page?.etag,
        lastModified: page?.lastModified,
      };
      for (const [name, value] of Object.entries(optional))
        if (value !== undefined) (item as unknown as Record<string, unknown>)[name] = value;
      return item;
    }
  }
}

/** A title for an entry that has none: the first sentence of its text, at most 60 characters. */
function titleFromBody(html: string): string {
  const text = cleanText(htmlToText(html));
  const sentence = /^[^。！？!?\n]{1,60}/.exec(text)?.[0] ?? '';
  return sentence.trim();
}

/** Items whose detail pages are fetched ahead of the one the store is given. */
const PREFETCH = 4;

/**
 * New items handed to a store's `saveNewMany` at once: one commit for ten, where larger batches saved
 * little more time and cost Prisma's query compiler more memory.
 */
const SAVE_BATCH = 10;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** An item ready for the store: known and left alone, failed (recorded in order), or built. */
type Prepared =
  | { kind: 'known' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'built'; item: SyndicatedItem; known: KnownItem | null; page?: Pick<FetchResult, 'etag' | 'lastModified'> };

/** Backoff after `consecutiveFailures` failed runs: min(24 h, 15 min × 2^(n−1)); 0 when not failing. */
export function backoffDelayMs(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (consecutiveFailures - 1));
}

/** When a failing source may run again; a server's Retry-After is honoured if it asks for longer. */
export function nextAttemptAfter(consecutiveFailures: number, now: Date, retryAfterMs?: number): Date {
  const delay = Math.max(backoffDelayMs(consecutiveFailures), retryAfterMs ?? 0);
  return new Date(now.getTime() + delay);
}

/**
 * Whether the scheduler should run a source now: enabled (when the config is given), and not inside a
 * failure backoff. The cron schedule itself is the scheduler's business.
 */
export function shouldRun(state: SourceState | null | undefined, now: Date, source?: Pick<SourceConfig, 'enabled'>): boolean {
  if (source && !source.enabled) return false;
  if (!state?.nextAttemptAfter) return true;
  return now.getTime() >= new Date(state.nextAttemptAfter).getTime();
}

/** Failed runs in a row after which the robots are alerted (once, until the source recovers). */
export const ALERT_AFTER_FAILURES = 3;

/**
 * Whether a run calls for the failing-source alert: three failed runs in a row, or a list that came back
 * empty; `alerted`: an alert was already sent for this failure (sent once, until the source recovers).
 * `clear` after a successful run that follows an alert.
 */
export function failureAlertAction(record: Pick<RunRecord, 'ok' | 'listEmpty' | 'state'>, alerted: boolean): 'alert' | 'clear' | 'none' {
  if (record.ok) return alerted ? 'clear' : 'none';
  if (alerted) return 'none';
  return record.listEmpty || record.state.consecutiveFailures >= ALERT_AFTER_FAILURES ? 'alert' : 'none';
}

export type SourceHealth = 'never-run' | 'healthy' | 'failing' | 'unhealthy';
export const SOURCE_HEALTH_LABELS: Record<SourceHealth, string> = {
  'never-run': '尚未运行',
  healthy: '正常',
  failing: '暂时失败，稍后重试',
  unhealthy: '持续失败，请检查',
};

export function sourceHealth(state: SourceState | null | undefined): SourceHealth {
  if (!state || !state.lastRunAt) return 'never-run';
  if (state.consecutiveFailures >= UNHEALTHY_AFTER) return 'unhealthy';
  return state.consecutiveFailures > 0 ? 'failing' : 'healthy';
}
