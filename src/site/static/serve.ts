import fs from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { etagOf, securityHeaders } from '../../platform/page-cache/cache.js';
import { fileOfUrl } from './core/manifest.js';
import type { Publisher } from './publisher.js';

const typesByExtension: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

/**
 * The embedded web server of the published site (`npm start` with no nginx in front): GET and HEAD of a
 * published file are answered from PUBLISH_DIR, ahead of the dynamic routes, which answer everything else.
 * Only files the manifest lists are served, so a withdrawn page (gone from the manifest when withdraw
 * returns) is never served again, and a file someone added to the directory is not either.
 */
export function servePublishedFiles(server: Server, publisher: Publisher): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  const next = (req: IncomingMessage, res: ServerResponse) => {
    for (const handler of handlers) handler.call(server, req, res);
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next(req, res);
    const file = fileOfUrl(req.url ?? '');
    const entry = file === null ? undefined : publisher.entryOf(file);
    if (!file || !entry) return next(req, res);
    fs.readFile(path.join(publisher.directory, file)).then(
      (body) => {
        const etag = etagOf(body);
        const type = entry.type || typesByExtension[path.extname(file).toLowerCase()] || 'application/octet-stream';
        const headers = { ...securityHeaders, 'Content-Type': type, ETag: etag, 'Cache-Control': 'no-cache' };
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
        res.writeHead(200, { ...headers, 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      // Not there (yet): the dynamic site answers.
      () => next(req, res),
    );
  });
}
