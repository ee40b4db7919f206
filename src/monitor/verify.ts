/**
 * N9 防篡改核验: fetches the published pages as visitors do (a desktop and a phone browser), through the
 * product's one HTTP client, and compares each with the manifest (core/tamper.ts says what differs).
 * The SHA-256 decides; the text difference is computed only for a page that differs, from the
 * published file when it still matches the manifest, else from the bytes the caller renders again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HttpClient, retryBusyOnly, type Fetched } from '../platform/http/client.js';
import type { OutboundPolicy } from '../platform/http/outbound.js';
import { fileOfUrl, manifestHash, sha256Hex, urlOfFile, type Manifest, type ManifestEntry } from '../site/static/core/manifest.js';
import {
  compareMobile,
  comparePage,
  isDynamicRoute,
  manifestChanged,
  missingPage,
  pageParts,
  tamperUserAgents,
  unlistedPage,
  type TamperFinding,
  type TamperResult,
  type VisitorKind,
} from './core/tamper.js';

export interface VerifyOptions {
  /** The public site's address, e.g. https://mzj.example.gov.cn (no trailing slash needed). */
  baseUrl: string;
  manifest: Manifest;
  /** The published directory, when it is on this machine: the expected bytes, and files no manifest lists. */
  publishDir?: string;
  /**
   * The bytes a URL should have, from elsewhere than the published directory (the caller renders it again from
   * the database): used when the directory's own file no longer matches the manifest, e.g. when the web server
   * serves that directory and it is the file that was tampered with. Kept only when its SHA-256 is the manifest's.
   */
  expectedBytes?: (url: string) => Promise<Buffer | null>;
  /** Check only `size` of the manifest's files, from `offset` in URL order (wrapping); default all. */
  sample?: { offset: number; size: number };
  /** The hash the latest publication recorded for its manifest; null when none is recorded yet. */
  recordedManifestHash?: string | null;
  now: () => Date;
  /** Which addresses may be reached (our own site's origin is usually trusted by the caller). */
  outbound?: OutboundPolicy;
  concurrency?: number;
  timeoutMs?: number;
}

export interface VerifyRun extends TamperResult {
  /** Where the next rotating sample starts. */
  nextOffset: number;
  /** The addresses this run fetched (all of the manifest's, or the sample's). */
  checkedUrls: string[];
}

const maxBytes = 20 * 1024 * 1024;

/** The published file's bytes when they are still those the manifest lists; null otherwise. */
function publishedBytes(publishDir: string | undefined, file: string, entry: ManifestEntry): Buffer | null {
  if (!publishDir) return null;
  try {
    const bytes = fs.readFileSync(path.join(publishDir, file));
    return sha256Hex(bytes) === entry.sha256 ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * The bytes the manifest lists for `entry`: the published file while it still matches, else `expectedBytes`'s
 * answer when its hash is the manifest's; null when neither is (the finding then shows the hashes only).
 */
async function expectedOf(options: VerifyOptions, file: string, entry: ManifestEntry): Promise<Buffer | null> {
  const published = publishedBytes(options.publishDir, file, entry);
  if (published || !options.expectedBytes) return published;
  try {
    const rendered = await options.expectedBytes(entry.url);
    return rendered && sha256Hex(rendered) === entry.sha256 ? rendered : null;
  } catch {
    return null;
  }
}

/** Every file under `dir`, relative, with forward slashes; names starting with a dot (temporary writes) are skipped. */
function filesUnder(dir: string, prefix = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    if (e.name.startsWith('.')) return [];
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, rel) : e.isFile() ? [rel] : [];
  });
}

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

const isPage = (entry: ManifestEntry) => /html/i.test(entry.type);

/** N9: the live site against the manifest; every difference is a veto finding. */
export async function verifyPublishedSite(options: VerifyOptions): Promise<VerifyRun> {
  const base = new URL(options.baseUrl.replace(/\/+$/, '') + '/');
  const at = options.now();
  const entries = Object.entries(options.manifest.files).sort(([, a], [, b]) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const listedUrls = new Set(entries.map(([, e]) => e.url));
  const listedFiles = new Set(entries.map(([f]) => f));
  let chosen = entries;
  let nextOffset = 0;
  if (options.sample && entries.length) {
    const size = Math.min(options.sample.size, entries.length);
    const offset = ((options.sample.offset % entries.length) + entries.length) % entries.length;
    chosen = Array.from({ length: size }, (_, i) => entries[(offset + i) % entries.length]);
    nextOffset = (offset + size) % entries.length;
  }
  const client = new HttpClient({
    userAgent: tamperUserAgents.desktop,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes,
    // A published page answers itself: a redirect is a page no longer served as published.
    maxRedirects: 0,
    retry: retryBusyOnly(2, 500, 5_000),
    limits: { ratePerSecond: 50, burst: 10 },
    outbound: options.outbound,
  });
  const findings: TamperFinding[] = [];
  const linkedElsewhere = new Map<string, string>();
  const fetchAs = (url: string, visitor: VisitorKind): Promise<Fetched> =>
    client.fetch(new URL(url.replace(/^\//, ''), base).toString(), { userAgent: tamperUserAgents[visitor], headers: { accept: '*/*' } });
  const noteLinks = (from: string, html: Buffer) => {
    for (const link of pageParts(html.toString('utf8')).links) {
      const m = /^(?:a|area|iframe|frame|link|form) [^=]+=(\S+)/.exec(link) ?? /^meta refresh=[^;]*;\s*url=['"]?([^'"\s]+)/i.exec(link);
      if (!m) continue;
      let target: URL;
      try {
        target = new URL(m[1], new URL(from.replace(/^\//, ''), base));
      } catch {
        continue;
      }
      if (target.origin !== base.origin) continue;
      const address = `${target.pathname}${target.search}`;
      if (listedUrls.has(address) || isDynamicRoute(target.pathname) || !fileOfUrl(address)) continue;
      if (!linkedElsewhere.has(address)) linkedElsewhere.set(address, from);
    }
  };
  try {
    await eachLimited(chosen, options.concurrency ?? 4, async ([file, entry]) => {
      const observation = { url: entry.url, at, title: undefined };
      const desktop = await fetchAs(entry.url, 'desktop');
      if (desktop.status !== 200 || desktop.error) {
        const how = desktop.error
          ? desktop.error.message
          : desktop.status && desktop.status >= 300 && desktop.status < 400
            ? `HTTP ${desktop.status} 重定向到 ${String(desktop.headers.location ?? '')}`
            : `HTTP ${desktop.status}`;
        findings.push(missingPage({ ...observation, visitor: 'desktop', status: desktop.status }, how, entry.sha256));
        return;
      }
      const liveSha = sha256Hex(desktop.body);
      // The published bytes are read only when needed: most pages match and cost one hash.
      let expectedBytes: Promise<Buffer | null> | undefined;
      const expected = () => (expectedBytes ??= expectedOf(options, file, entry));
      const compared = { ...observation, expectedSha256: entry.sha256, type: entry.type, status: desktop.status };
      if (liveSha !== entry.sha256)
        findings.push(...comparePage({ ...compared, visitor: 'desktop', expected: await expected(), live: desktop.body }));
      if (!isPage(entry)) return;
      noteLinks(entry.url, desktop.body);
      const mobile = await fetchAs(entry.url, 'mobile');
      if (mobile.status !== 200 || mobile.error) {
        const how = mobile.error ? mobile.error.message : `手机浏览器访问得到 HTTP ${mobile.status}`;
        findings.push(missingPage({ ...observation, visitor: 'mobile', status: mobile.status }, how, entry.sha256));
        return;
      }
      const mobileSha = sha256Hex(mobile.body);
      if (mobileSha !== liveSha) {
        noteLinks(entry.url, mobile.body);
        findings.push(...compareMobile({ ...compared, visitor: 'mobile', expected: await expected(), live: mobile.body }, liveSha));
      }
    });
    // Files on the published directory that no publication wrote, then pages linked from live pages.
    const candidates = new Map<string, string>();
    if (options.publishDir && !options.sample)
      for (const file of filesUnder(options.publishDir))
        if (!listedFiles.has(file)) candidates.set(urlOfFile(file), `发布目录中的文件 ${file}，发布清单中没有`);
    for (const [address, from] of linkedElsewhere) if (!candidates.has(address)) candidates.set(address, `由 ${from} 链接，发布清单中没有`);
    await eachLimited([...candidates], options.concurrency ?? 4, async ([address, where]) => {
      const live = await fetchAs(address, 'desktop');
      const fromDisk = where.startsWith('发布目录');
      // A linked address the site does not answer is a broken link (N8's), not an unpublished page.
      if (!fromDisk && (live.status !== 200 || live.error)) return;
      const served = live.status === 200 && !live.error;
      findings.push(
        unlistedPage(
          { url: address, visitor: 'desktop', at, status: live.status },
          served ? `${where}，网站上可以访问` : `${where}，网站上暂不能访问（HTTP ${live.status ?? live.error?.message}）`,
          served ? live.body : undefined,
        ),
      );
    });
  } finally {
    client.close();
  }
  const hash = manifestHash(options.manifest);
  const recorded = options.recordedManifestHash ?? null;
  if (recorded && recorded !== hash) findings.unshift(manifestChanged(at, recorded, hash));
  const kindOrder = (f: TamperFinding) => `${f.url}\u0000${f.visitor}\u0000${f.kind}\u0000${f.key}`;
  findings.sort((a, b) => (kindOrder(a) < kindOrder(b) ? -1 : kindOrder(a) > kindOrder(b) ? 1 : 0));
  return {
    baseUrl: base.toString().replace(/\/$/, ''),
    checkedAt: at.toISOString(),
    pagesTotal: entries.length,
    pagesChecked: chosen.length,
    manifestHash: hash,
    recordedManifestHash: recorded,
    findings,
    nextOffset,
    checkedUrls: chosen.map(([, e]) => e.url),
  };
}
