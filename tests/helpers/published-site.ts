/*
 * A published site for the tamper check (N9): a directory of pages written as the publisher writes them
 * (fileOfUrl), its manifest, and a small static web server for a copy of it. The server is one
 * implementation of `LiveSite`: the same tests can run against nginx serving the copy.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileOfUrl, serializeManifest, sha256Hex, type Manifest } from '../../src/site/static/core/manifest.js';

export const publishedPage = (title: string, body: string) =>
  `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/static/site.css"></head>` +
  `<body><header><a href="/">临沧市民政局</a></header><main>${body}</main><script src="/static/site.js"></script></body></html>\n`;

/** Writes `pages` (URL → content) into `dir` and returns their manifest. */
export function writePublishedSite(dir: string, pages: Record<string, string>): Manifest {
  const files: Manifest['files'] = {};
  for (const [url, content] of Object.entries(pages)) {
    const file = fileOfUrl(url);
    if (!file) throw new Error(`not a published address: ${url}`);
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.css') ? 'text/css' : 'application/javascript';
    files[file] = { url, sha256: sha256Hex(content), size: Buffer.byteLength(content), type, item: null, tags: [] };
  }
  return { version: 1, files };
}

export function writeManifest(file: string, manifest: Manifest): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, serializeManifest(manifest));
}

/** A site serving a directory; pages may be served differently to phones (the cloaking of a hijacked server). */
export interface LiveSite {
  origin: string;
  root: string;
  /** URL → what a phone gets instead of the file. */
  mobile: Map<string, string>;
  /** Requests seen: `METHOD url user-agent`. */
  requests: string[];
  close(): Promise<void>;
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'application/javascript' };

/** A static server on 127.0.0.1 for `root`, with the same URL ⇄ file mapping as the web server in front. */
export async function serveDirectory(root: string): Promise<LiveSite> {
  const mobile = new Map<string, string>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const ua = String(req.headers['user-agent'] ?? '');
    requests.push(`${req.method} ${req.url} ${ua}`);
    const url = req.url ?? '/';
    if (/iPhone|Android|Mobile/.test(ua) && mobile.has(url)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(mobile.get(url));
      return;
    }
    const file = fileOfUrl(url);
    const full = file && path.join(root, file);
    if (!full || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(full)] ?? 'application/octet-stream' }).end(fs.readFileSync(full));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    root,
    mobile,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A robot (企业微信's shape) on 127.0.0.1 that keeps what it is sent. */
export async function localRobot(): Promise<{ url: string; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=robot`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
