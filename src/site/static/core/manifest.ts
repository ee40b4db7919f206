import { createHash } from 'node:crypto';

/*
 * The published site as files (PUBLISH_DIR, default data/site) and its manifest. This mapping is
 * the one contract between the publisher that writes the files, the web server in front (nginx's
 * try_files in deploy/nginx.conf, or the embedded server) and the tamper check that compares the live
 * site with what was published.
 *
 *   /                         index.html
 *   /columns/dt               columns/dt/index.html
 *   /columns/dt?page=3        columns/dt/index-3.html     (page=1 is index.html)
 *   /documents/abc            documents/abc/index.html
 *   /feed.xml, /robots.txt    feed.xml, robots.txt        (a last segment with an extension is the file itself)
 *   /static/site.css          static/site.css
 */

/** A published file as the manifest records it. */
export interface ManifestEntry {
  /** The public address of the file, path and `?page=N` (N ≥ 2) only. */
  url: string;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  size: number;
  /** The Content-Type it is served with. */
  type: string;
  /** What the page shows: `document:<id>`, `interpretation:<id>`, `column:<slug>`, `home`, … or null (assets). */
  item: string | null;
  /** The page-cache tags of the page (see platform/page-cache/cache.ts): what a change must rewrite. */
  tags: string[];
}

export interface Manifest {
  version: 1;
  /** Keyed by the file's path relative to PUBLISH_DIR, with forward slashes. */
  files: Record<string, ManifestEntry>;
}

const extension = /\.[a-z0-9]{1,8}$/i;
const safeSegment = /^[\p{L}\p{N}._~-]+$/u;

/** The file of a public URL, or null for an address that is never a published file. */
export function fileOfUrl(url: string): string | null {
  const [pathname, query = ''] = url.split('?', 2);
  if (!pathname.startsWith('/')) return null;
  const segments = pathname.split('/').filter(Boolean);
  if (segments.some((s) => !safeSegment.test(s) || s.startsWith('.'))) return null;
  let page = 1;
  if (query) {
    const m = /^page=([1-9]\d{0,4})$/.exec(query);
    if (!m) return null;
    page = Number(m[1]);
  }
  const last = segments.at(-1);
  if (last && extension.test(last)) return page === 1 && !query ? segments.join('/') : null;
  const dir = segments.length ? `${segments.join('/')}/` : '';
  return `${dir}${page === 1 ? 'index.html' : `index-${page}.html`}`;
}

/** The public URL of a published file (the inverse of fileOfUrl). */
export function urlOfFile(file: string): string {
  const m = /^(?:(.*)\/)?index(?:-([1-9]\d{0,4}))?\.html$/.exec(file);
  if (!m) return `/${file}`;
  const dir = m[1] ? `/${m[1]}` : '/';
  return m[2] ? `${dir}?page=${m[2]}` : dir;
}

/** The manifest's bytes: keys sorted, so the same site gives the same bytes and the same hash. */
export function serializeManifest(manifest: Manifest): string {
  const files: Record<string, ManifestEntry> = {};
  for (const key of Object.keys(manifest.files).sort()) {
    const e = manifest.files[key];
    files[key] = { url: e.url, sha256: e.sha256, size: e.size, type: e.type, item: e.item, tags: [...e.tags].sort() };
  }
  return `${JSON.stringify({ version: 1, files }, null, 1)}\n`;
}

/**
 * One file's lines in the manifest's bytes (as serializeManifest writes them): a publisher keeps these per
 * file and joins them, so a round that changes a few files does not serialize the whole manifest again.
 */
export function serializeManifestEntry(file: string, e: ManifestEntry): string {
  const entry = { url: e.url, sha256: e.sha256, size: e.size, type: e.type, item: e.item, tags: [...e.tags].sort() };
  return `  ${JSON.stringify(file)}: ${JSON.stringify(entry, null, 1).replaceAll('\n', '\n  ')}`;
}

/** The manifest's bytes from its files' lines (serializeManifestEntry), in the order of their sorted paths. */
export function joinManifestEntries(sorted: readonly string[]): string {
  return sorted.length ? `{\n "version": 1,\n "files": {\n${sorted.join(',\n')}\n }\n}\n` : '{\n "version": 1,\n "files": {}\n}\n';
}

export function parseManifest(text: string): Manifest {
  const data = JSON.parse(text) as Partial<Manifest>;
  if (data?.version !== 1 || typeof data.files !== 'object' || data.files === null) throw new Error('发布清单格式不正确');
  return { version: 1, files: data.files };
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The hash recorded in the database with each publication. */
export function manifestHash(manifest: Manifest): string {
  return sha256Hex(serializeManifest(manifest));
}
