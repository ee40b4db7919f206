import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server for the syndication tests (S9): no test reaches the network. Routes are matched on
 * the path with its query string, then without it, then `*`; every request is recorded.
 */
export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  routes: Map<string, Route>;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startFixtureServer(routes: Record<string, Route> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const requests: FixtureServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = table.get(path) ?? table.get(path.split('?')[0]) ?? table.get('*');
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    routes: table,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const FIXTURES = new URL('../fixtures/syndication/', import.meta.url);

export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(name, FIXTURES));
}

/** A UTF-8 fixture, with gov.cn links pointed at `origin` when given. */
export function fixtureText(name: string, origin?: string): string {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8');
  return origin ? text.replaceAll('https://www.gov.cn', origin) : text;
}

/** A route answering with fixed content. */
export function serve(body: string | Buffer, contentType: string, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers }).end(body);
  };
}

export const silentLogger = { info() {}, warn() {}, error() {} };
