import type { DatabaseContext } from '../../platform/db/prisma.js';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { logger } from '../../platform/logging/logger.js';
import { mediaUrlPrefix } from '../../platform/media/local-storage.js';
import { publicMediaNames } from '../../platform/media/public-media.js';
import { projectRoot } from '../../platform/config/env.js';
import { sitePublicUrls } from '../data.js';
import type { SiteFeatureEntry } from '../kit.js';
import {
  fileOfUrl,
  joinManifestEntries,
  parseManifest,
  serializeManifestEntry,
  sha256Hex,
  type Manifest,
  type ManifestEntry,
} from './core/manifest.js';

/*
 * The publisher of the public site as files (PUBLISH_DIR). Pages are rendered in-process through the site's
 * own router, so a file holds exactly the bytes the dynamic site serves; each page's cache tags say what a
 * change must rewrite. A round of publication:
 *
 *   1. enumerates what is public now (S1: through the pages' own public filters);
 *   2. renders the pages a change touches (or all), each into a temporary file beside its target;
 *   3. only when every render succeeded, renames them into place and removes what is no longer public;
 *   4. writes the manifest (temporary file and rename), then records a 网站发布记录.
 *
 * A failed render removes its temporary files and leaves the old files and manifest as they were.
 */

export interface RenderedPage {
  status: number;
  type: string;
  body: Buffer;
  tags: string[];
}

/** Renders a public URL as a visitor gets it (composed in src/app over the site's router). */
export type RenderPage = (url: string) => Promise<RenderedPage>;

export interface PublisherOptions {
  context: DatabaseContext;
  render: RenderPage;
  features: readonly SiteFeatureEntry[];
  directory: string;
  manifestPath: string;
  /** PUBLISH_HOOK: a shell command given the changed and removed paths on stdin, one a line. */
  hook?: string | null;
  now?: () => Date;
  /** Pages rendered at once (48): the items of pages rendered at once are read together (site/routes.ts). */
  concurrency?: number;
  /**
   * Pages a round over the whole site renders at once when no one waits on it (the server's start, a change of the
   * site's frame), if fewer: such a round is long, and requests to the same process wait behind every render in flight.
   */
  backgroundConcurrency?: number;
}

export interface SyncResult {
  files: number;
  written: string[];
  removed: string[];
  manifestHash: string;
}

export interface SyncOptions {
  /** Re-render everything (site settings, the column tree, a rebuild). */
  all?: boolean;
  /** Compare with the bytes on disk rather than the manifest, and remove files the manifest does not list. */
  repair?: boolean;
  reason?: string;
  onProgress?: (done: number, total: number) => void;
}

/** A difference between the directory and what the database says is public. */
export interface Difference {
  file: string;
  kind: 'missing' | 'changed' | 'unlisted' | 'manifest';
  message: string;
}

export class RenderError extends Error {}

const maxListPages = 10_000;
// Enough pages at once that their reads go to the database in batches: a full publication's speed comes from it.
const defaultConcurrency = 48;

interface Target {
  url: string;
  /** The first page of a list: its further pages follow while they exist. */
  list: boolean;
}

interface Rendered {
  file: string;
  entry: ManifestEntry;
  /** The temporary file holding the new bytes, or null when the bytes did not change. */
  temp: string | null;
}

const baseOf = (url: string) => url.split('?', 1)[0];
const pageOf = (url: string) => Number(/[?&]page=(\d+)/.exec(url)?.[1] ?? 1);
const withPage = (url: string, page: number) => (page === 1 ? url : `${url}?page=${page}`);

/** What a page shows, for the manifest: the item of its address. */
function itemOf(url: string): string | null {
  const base = baseOf(url);
  if (base === '/') return 'home';
  const m = /^\/(documents|interpretations|columns|mailbox|consultations|disclosure\/catalogue)\/([^/]+)$/.exec(base);
  if (!m) return null;
  const kind = {
    documents: 'document',
    interpretations: 'interpretation',
    columns: 'column',
    mailbox: 'message',
    consultations: 'consultation',
  }[m[1]];
  return `${kind ?? 'catalogue-entry'}:${m[2]}`;
}

/**
 * A manifest with what a round looks up in it: each file's serialized lines (a round joins them rather than
 * serializing the whole manifest again), the files of each tag, and the published addresses. A round that
 * changes a few pages updates these instead of rebuilding them, so its work follows the change, not the site.
 */
interface Indexed {
  manifest: Manifest;
  lines: Map<string, string>;
  byTag: Map<string, Set<string>>;
  bases: Set<string>;
  hash: string;
}

function indexManifest(manifest: Manifest): Indexed {
  const lines = new Map<string, string>();
  const byTag = new Map<string, Set<string>>();
  const bases = new Set<string>();
  for (const [file, entry] of Object.entries(manifest.files)) {
    lines.set(file, serializeManifestEntry(file, entry));
    for (const tag of entry.tags) byTag.set(tag, (byTag.get(tag) ?? new Set()).add(file));
    bases.add(baseOf(entry.url));
  }
  const hash = sha256Hex(joinManifestEntries([...lines.keys()].sort().map((f) => lines.get(f)!)));
  return { manifest, lines, byTag, bases, hash };
}

export class Publisher {
  private manifest: Manifest | null = null;
  /** The index of `manifest` (built the first time a round needs it). */
  private indexed: Indexed | null = null;
  private pendingTags = new Set<string>();
  private pendingAll = false;
  private queued: Promise<SyncResult> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private hooks: Promise<void> = Promise.resolve();

  constructor(private readonly options: PublisherOptions) {}

  private get concurrency(): number {
    return this.options.concurrency ?? defaultConcurrency;
  }

  get directory(): string {
    return this.options.directory;
  }

  /** The manifest as last written (read from its file the first time). */
  async current(): Promise<Manifest> {
    if (!this.manifest) this.manifest = await this.readManifest();
    return this.manifest;
  }

  /** The manifest entry of a file, if it is published (for the embedded server; null before the first read). */
  entryOf(file: string): ManifestEntry | undefined {
    return this.manifest?.files[file];
  }

  /**
   * Publishes what changed: the pages carrying any of `tags`, or everything (null). Rounds run one at a time;
   * changes that arrive while one runs are coalesced into the next, which re-renders what they touch.
   */
  sync(tags: string[] | null, options: Omit<SyncOptions, 'all'> = {}): Promise<SyncResult> {
    if (options.repair || options.onProgress) {
      // A rebuild asked for by an operator runs as a round of its own, with its progress and its reason.
      const run = this.chain.then(() => this.round({ ...options, all: true }));
      this.chain = run.catch(() => undefined);
      return run;
    }
    if (tags === null) this.pendingAll = true;
    else for (const tag of tags) this.pendingTags.add(tag);
    if (!this.queued) {
      const run = this.chain.then(() => {
        this.queued = null;
        const all = this.pendingAll;
        const pending = new Set(this.pendingTags);
        this.pendingAll = false;
        this.pendingTags.clear();
        return this.round({ all, reason: options.reason }, pending);
      });
      this.queued = run;
      this.chain = run.catch(() => undefined);
    }
    return this.queued;
  }

  /** Settles when the post-publication commands started so far have finished (tests, shutdown). */
  hooksDone(): Promise<void> {
    return this.hooks;
  }

  /** Compares the directory and the manifest with what the database says is public; nothing is written. */
  async check(onProgress?: (done: number, total: number) => void): Promise<Difference[]> {
    const manifest = await this.readManifest();
    const expected = new Map<string, ManifestEntry>();
    await this.renderAll(await this.enumerate(), onProgress, this.concurrency, async (file, entry) => {
      expected.set(file, entry);
      return null;
    });
    const differences: Difference[] = [];
    for (const [file, entry] of [...expected].sort(([a], [b]) => a.localeCompare(b))) {
      const bytes = await fs.readFile(path.join(this.directory, file)).catch(() => null);
      if (!bytes) differences.push({ file, kind: 'missing', message: `缺少文件 ${file}（${entry.url} 应已发布）` });
      else if (sha256Hex(bytes) !== entry.sha256)
        differences.push({ file, kind: 'changed', message: `文件 ${file} 的内容与数据库中应发布的内容不一致` });
      const listed = manifest.files[file];
      if (!listed || listed.sha256 !== entry.sha256)
        differences.push({ file, kind: 'manifest', message: `发布清单中 ${file} 的记录与数据库不一致` });
    }
    for (const file of Object.keys(manifest.files).sort())
      if (!expected.has(file)) differences.push({ file, kind: 'manifest', message: `发布清单列有 ${file}，但它已不应公开` });
    for (const file of await this.filesOnDisk())
      if (!expected.has(file)) differences.push({ file, kind: 'unlisted', message: `目录中多出文件 ${file}（不在应发布的内容中）` });
    return differences;
  }

  private async readManifest(): Promise<Manifest> {
    try {
      return parseManifest(await fs.readFile(this.options.manifestPath, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error }, 'site manifest unreadable; publishing anew');
      return { version: 1, files: {} };
    }
  }

  /** What is public now: the site's pages and lists, every feature's, and the media public items show. */
  private async enumerate(changed?: { published: Set<string>; tags: Set<string> }): Promise<Target[]> {
    const { context, features } = this.options;
    // Charts are read from the bodies of the items a change touches (all, without `changed`); the rest keep theirs.
    const published = changed?.published ?? new Set<string>();
    const readCharts = (kind: 'documents' | 'interpretations', id: string) =>
      !changed || changed.tags.has(`${kind === 'documents' ? 'doc' : 'interp'}:${id}`) || !published.has(`/${kind}/${id}`);
    const site = await sitePublicUrls(context, readCharts);
    const targets = new Map<string, Target>();
    for (const url of site.pages) targets.set(url, { url, list: false });
    if (changed) {
      const items = new Set(site.pages);
      for (const url of published) {
        const m = /^\/(documents|interpretations)\/([a-z0-9]+)\/charts\/\d+\.svg$/.exec(url);
        if (m && items.has(`/${m[1]}/${m[2]}`) && !readCharts(m[1] as 'documents' | 'interpretations', m[2]))
          targets.set(url, { url, list: false });
      }
    }
    for (const url of site.lists) targets.set(url, { url, list: true });
    for (const feature of features) {
      const urls = feature.publicUrls ? await feature.publicUrls(context) : { pages: [] };
      for (const url of urls.pages) targets.set(url, { url, list: false });
      for (const url of urls.lists ?? []) targets.set(url, { url, list: true });
    }
    for (const file of await staticFiles()) targets.set(`/static/${file}`, { url: `/static/${file}`, list: false });
    for (const name of await publicMediaNames(context))
      targets.set(`${mediaUrlPrefix}/${name}`, { url: `${mediaUrlPrefix}/${name}`, list: false });
    return [...targets.values()].filter((t) => fileOfUrl(t.url) !== null);
  }

  /**
   * Renders the targets (lists page after page), `concurrency` at a time, handing each public page to `keep`;
   * a page that is not 200 is not public (a 404 ends a list), a 5xx fails the whole round.
   */
  private async renderAll(
    targets: Target[],
    onProgress: ((done: number, total: number) => void) | undefined,
    concurrency: number,
    keep: (file: string, entry: ManifestEntry, body: Buffer) => Promise<string | null>,
  ): Promise<{ rendered: Map<string, Rendered> }> {
    const rendered = new Map<string, Rendered>();
    // Lists first: their further pages join the queue while the single pages are rendered.
    const queue: { url: string; list: boolean; previous?: string }[] = [
      ...targets.filter((t) => t.list),
      ...targets.filter((t) => !t.list),
    ];
    let total = queue.length;
    let done = 0;
    let failure: unknown = null;
    const worker = async () => {
      for (let job = queue.shift(); job && failure === null; job = queue.shift()) {
        const page = await this.options.render(job.url);
        if (page.status >= 500) throw new RenderError(`页面 ${job.url} 生成失败（${page.status}）`);
        const sha256 = sha256Hex(page.body);
        const n = pageOf(job.url);
        // A list ends at its first missing page, or where a page repeats the one before (an address ignoring ?page=).
        const isPage = page.status === 200 && !(job.previous !== undefined && job.previous === sha256);
        if (job.list && isPage && n < maxListPages) {
          queue.push({ url: withPage(baseOf(job.url), n + 1), list: true, previous: sha256 });
          total++;
        }
        if (isPage) {
          const file = fileOfUrl(job.url)!;
          const entry: ManifestEntry = {
            url: job.url,
            sha256,
            size: page.body.length,
            type: page.type,
            item: itemOf(job.url),
            tags: [...page.tags].sort(),
          };
          rendered.set(file, { file, entry, temp: await keep(file, entry, page.body) });
        }
        onProgress?.(++done, total);
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, concurrency) }, () =>
        worker().catch((error) => {
          failure ??= error;
        }),
      ),
    );
    if (failure !== null) {
      await Promise.all([...rendered.values()].map((r) => (r.temp ? fs.rm(r.temp, { force: true }) : undefined)));
      throw failure;
    }
    return { rendered };
  }

  private async round(options: SyncOptions, tags: Set<string> = new Set()): Promise<SyncResult> {
    const { directory } = this;
    const old = options.repair ? await this.readManifest() : await this.current();
    const index = old === this.indexed?.manifest ? this.indexed : indexManifest(old);
    const publishedUrls = index.bases;
    const targets = await this.enumerate(options.all ? undefined : { published: publishedUrls, tags });
    const enumerated = new Map(targets.map((t) => [t.url, t]));
    // What a change touches: pages carrying its tags (looked up by tag), and what is public but not yet published.
    const touched = new Set<string>();
    for (const tag of tags) for (const file of index.byTag.get(tag) ?? []) touched.add(baseOf(old.files[file].url));
    const toRender = options.all ? targets : targets.filter((t) => touched.has(t.url) || !publishedUrls.has(t.url));

    // Folders made this round: one mkdir a folder, not one a page.
    const folders = new Set<string>();
    // A whole-site round no operator waits on (no progress to show) leaves room for the process's requests.
    const concurrency =
      options.all && !options.onProgress
        ? Math.min(this.concurrency, this.options.backgroundConcurrency ?? this.concurrency)
        : this.concurrency;
    const { rendered } = await this.renderAll(toRender, options.onProgress, concurrency, async (file, entry, body) => {
      // Only bytes that changed are written; a repair compares with the bytes on disk, not the manifest.
      const target = path.join(directory, file);
      if (options.repair) {
        const onDisk = await fs.readFile(target).catch(() => null);
        if (onDisk && sha256Hex(onDisk) === entry.sha256) return null;
      } else if (old.files[file]?.sha256 === entry.sha256 && (!options.all || (await fileExists(target)))) return null;
      if (!folders.has(path.dirname(target))) {
        await fs.mkdir(path.dirname(target), { recursive: true });
        folders.add(path.dirname(target));
      }
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
      await fs.writeFile(temp, body);
      return temp;
    });

    // The new manifest: what was rendered, what was not touched and is still public, nothing else.
    const renderedUrls = new Set(toRender.map((t) => t.url));
    const files: Record<string, ManifestEntry> = {};
    const lines = new Map<string, string>();
    const byTag = new Map(index.byTag);
    const bases = new Set<string>();
    const removed: string[] = [];
    // The files of `tag` in the new index, copied the first time the round changes them (the old index stays whole).
    const copied = new Set<string>();
    const filesOf = (tag: string) => {
      if (!copied.has(tag)) {
        copied.add(tag);
        byTag.set(tag, new Set(byTag.get(tag)));
      }
      return byTag.get(tag)!;
    };
    const drop = (file: string) => {
      for (const tag of old.files[file].tags) filesOf(tag).delete(file);
    };
    for (const [file, entry] of Object.entries(old.files)) {
      const base = baseOf(entry.url);
      const stillPublic = enumerated.has(base) && !renderedUrls.has(base);
      if (stillPublic) {
        files[file] = entry;
        lines.set(file, index.lines.get(file)!);
        bases.add(base);
      } else {
        drop(file);
        if (!rendered.has(file)) removed.push(file);
      }
    }
    const written: string[] = [];
    for (const r of rendered.values()) {
      files[r.file] = r.entry;
      lines.set(r.file, serializeManifestEntry(r.file, r.entry));
      bases.add(baseOf(r.entry.url));
      for (const tag of r.entry.tags) filesOf(tag).add(r.file);
      if (r.temp) {
        await fs.rename(r.temp, path.join(directory, r.file));
        written.push(r.file);
      }
    }
    // Withdrawal: in the same step, the pages that left the public site leave the directory.
    for (const file of removed) await removeFile(directory, file);
    if (options.repair)
      for (const file of await this.filesOnDisk())
        if (!files[file]) {
          await removeFile(directory, file);
          removed.push(file);
        }

    const manifest: Manifest = { version: 1, files };
    // The bytes of serializeManifest(manifest), joined from each file's lines; its hash is manifestHash(manifest).
    const text = joinManifestEntries(
      Object.keys(files)
        .sort()
        .map((file) => lines.get(file)!),
    );
    const hash = sha256Hex(text);
    const changed = hash !== index.hash;
    if (changed || !(await fileExists(this.options.manifestPath))) await writeAtomically(this.options.manifestPath, text);
    for (const tag of copied) if (!byTag.get(tag)!.size) byTag.delete(tag);
    this.manifest = manifest;
    this.indexed = { manifest, lines, byTag, bases, hash };
    const result: SyncResult = { files: Object.keys(files).length, written: written.sort(), removed: removed.sort(), manifestHash: hash };
    if (written.length || removed.length || changed || options.repair) {
      await this.record(result, options.reason ?? (options.all ? '全站重建' : reasonOf(tags)));
      this.runHook([...result.written, ...result.removed]);
    }
    return result;
  }

  private async record(result: SyncResult, reason: string): Promise<void> {
    const at = (this.options.now ?? (() => new Date()))();
    await this.options.context.sudo().prisma.sitePublication.create({
      data: {
        at,
        manifestHash: result.manifestHash,
        files: result.files,
        written: result.written.length,
        removed: result.removed.length,
        reason,
      },
    });
  }

  /** PUBLISH_HOOK, after the files and the record: e.g. rsync the changed paths to the web server in the DMZ. */
  private runHook(paths: string[]): void {
    const { hook } = this.options;
    if (!hook || !paths.length) return;
    this.hooks = this.hooks.then(
      () =>
        new Promise<void>((resolve) => {
          const child = spawn('sh', ['-c', hook], { cwd: this.directory, stdio: ['pipe', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
          child.on('error', (error) => {
            logger.error({ err: error }, 'PUBLISH_HOOK could not start');
            resolve();
          });
          child.on('close', (code) => {
            if (code !== 0) logger.error({ code, stderr }, 'PUBLISH_HOOK failed');
            resolve();
          });
          child.stdin.on('error', () => {});
          child.stdin.end(`${paths.join('\n')}\n`);
        }),
    );
  }

  /** Every file under the directory, relative, with forward slashes (temporary files of a round included). */
  private async filesOnDisk(): Promise<string[]> {
    const entries = await fs.readdir(this.directory, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(this.directory, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
  }
}

function reasonOf(tags: Set<string>): string {
  const list = [...tags].sort();
  if (!list.length) return '补发新公开的内容';
  return `内容变更（${list.slice(0, 6).join('、')}${list.length > 6 ? ' 等' : ''}）`;
}

async function staticFiles(): Promise<string[]> {
  const root = path.join(projectRoot, 'templates/static');
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Written beside the target and renamed: a reader sees the old bytes or the new, never half. */
export async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(temp, data);
  await fs.rename(temp, file);
}

/** Removes a published file and the folders it leaves empty (a withdrawn document's folder goes too). */
async function removeFile(directory: string, file: string): Promise<void> {
  await fs.rm(path.join(directory, file), { force: true });
  for (let dir = path.dirname(path.join(directory, file)); dir.startsWith(directory) && dir !== directory; dir = path.dirname(dir)) {
    const left = await fs.readdir(dir).catch(() => null);
    if (left === null || left.length) break;
    await fs.rmdir(dir).catch(() => {});
  }
}
