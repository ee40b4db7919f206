/**
 * HTTP for the monitor on node:http/https, for full control of what the national rules measure:
 * one deadline per request covering headers and body (N1: not answered in 15 s is a failure), a body
 * cap counted after decompression (a 100 MB page or a zip bomb ends as a note), manual redirects with
 * loop detection, and 429/503 backoff that honours Retry-After. Nothing here throws: every failure
 * comes back as a `PageError`. Every connection goes through the outbound agents
 * (src/platform/http/outbound.ts): a page, link or redirect hop on a loopback, private, link-local or other
 * reserved address is refused at connect time, after DNS (issue 14 #10), unless the allow-list names it.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { OutboundAgents, OutboundPolicy, outboundRefusalOf, refusalMessage } from '../../platform/http/outbound.js';
import { HostBuckets } from './limits.js';
import type { Clock, PageError, PageErrorCode } from './types.js';
import { hostOf } from './url.js';

export interface RawResponse {
  status: number | null;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  bytes: number;
  truncated: boolean;
  ttfbMs?: number;
  elapsedMs: number;
  error?: PageError;
}

export interface OnceOptions {
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** Decide after the headers whether the body is wanted (non-HTML bodies are skipped). */
  readBody: (status: number, contentType: string | undefined) => boolean;
  /** The only way out: there is no request without the outbound check. */
  agents: OutboundAgents;
  signal?: AbortSignal;
  insecure?: boolean;
}

function classify(err: unknown, url: string): PageError {
  const refusal = outboundRefusalOf(err);
  if (refusal) return { code: 'refused-address', message: refusalMessage(url, refusal) };
  const e = err as NodeJS.ErrnoException & { code?: string };
  const code = e?.code ?? '';
  const map: Record<string, PageErrorCode> = {
    ECONNREFUSED: 'connection-refused',
    ECONNRESET: 'connection-reset',
    EPIPE: 'connection-reset',
    ENOTFOUND: 'dns',
    EAI_AGAIN: 'dns',
    ETIMEDOUT: 'timeout',
  };
  let kind: PageErrorCode = map[code] ?? 'network';
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) kind = 'tls';
  const messages: Record<PageErrorCode, string> = {
    'connection-refused': '连接被拒绝',
    'connection-reset': '连接被重置',
    dns: '域名无法解析',
    tls: 'HTTPS 证书或加密连接错误',
    timeout: '请求超时',
    network: '网络错误',
    'too-many-redirects': '重定向次数过多',
    'redirect-loop': '重定向循环',
    'body-too-large': '页面过大',
    'rate-limited': '服务器限流',
    'invalid-url': '网址无效',
    aborted: '检查被取消',
    'refused-address': '地址不允许访问',
  };
  return { code: kind, message: `${messages[kind]}（${code || e?.message || 'unknown'}）` };
}

const fmtBytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`);

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/** One request, no redirects followed, never rejects. */
export function requestOnce(url: string, opts: OnceOptions): Promise<RawResponse> {
  const started = Date.now();
  return new Promise<RawResponse>((resolve) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      resolve({ status: null, headers: {}, body: Buffer.alloc(0), bytes: 0, truncated: false, elapsedMs: 0, error: { code: 'invalid-url', message: `网址无效：${url}` } });
      return;
    }
    const lib = parsed.protocol === 'https:' ? https : http;
    const chunks: Buffer[] = [];
    let bytes = 0;
    let status: number | null = null;
    let headers: http.IncomingHttpHeaders = {};
    let ttfbMs: number | undefined;
    let truncated = false;
    let done = false;
    let stream: Readable | undefined;

    const finish = (error?: PageError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      stream?.destroy();
      resolve({ status, headers, body: Buffer.concat(chunks), bytes, truncated, ttfbMs, elapsedMs: Date.now() - started, error });
    };
    const onAbort = () => finish({ code: 'aborted', message: '检查被取消' });

    let req: http.ClientRequest;
    try {
      req = lib.request(
        parsed,
        {
          method: opts.method,
          headers: { 'accept-encoding': 'gzip, deflate, br', ...opts.headers },
          agent: opts.agents.agentFor(parsed),
          rejectUnauthorized: !opts.insecure,
        },
        (res) => {
          status = res.statusCode ?? null;
          headers = res.headers;
          ttfbMs = Date.now() - started;
          const contentType = res.headers['content-type'];
          if (opts.method === 'HEAD' || !opts.readBody(status ?? 0, contentType)) {
            finish();
            return;
          }
          const decoder = decoderFor(res.headers['content-encoding']);
          stream = decoder ? res.pipe(decoder) : res;
          if (decoder) res.on('error', (err) => finish(classify(err, url)));
          stream.on('data', (chunk: Buffer) => {
            if (done) return;
            const room = opts.maxBytes - bytes;
            if (chunk.length > room) {
              // Keep what fits and hang up: the rest is never read into memory.
              if (room > 0) chunks.push(chunk.subarray(0, room));
              bytes += Math.max(0, room);
              truncated = true;
              finish({ code: 'body-too-large', message: `页面超过 ${fmtBytes(opts.maxBytes)}，只检查了前 ${fmtBytes(opts.maxBytes)}` });
              return;
            }
            chunks.push(chunk);
            bytes += chunk.length;
          });
          stream.on('end', () => finish());
          stream.on('error', (err) => finish(classify(err, url)));
          res.on('aborted', () => finish({ code: 'connection-reset', message: '连接在传输中断开' }));
        },
      );
    } catch (err) {
      // Invalid header values and the like throw synchronously.
      resolve({ status: null, headers: {}, body: Buffer.alloc(0), bytes: 0, truncated: false, elapsedMs: 0, error: { code: 'invalid-url', message: `请求无法发出：${(err as Error).message}` } });
      return;
    }
    const timer = setTimeout(
      () => finish({ code: 'timeout', message: `${Math.round(opts.timeoutMs / 100) / 10} 秒内未完成加载` }),
      opts.timeoutMs,
    );
    // Before anything can destroy the request: an error without a listener would crash the process.
    req.on('error', (err) => finish(classify(err, url)));
    if (opts.signal?.aborted) {
      onAbort();
      return;
    }
    opts.signal?.addEventListener('abort', onAbort);
    req.end();
  });
}

export interface RequesterOptions {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  /** Retries after 429/503. */
  maxRetries: number;
  /** A Retry-After longer than this is not waited for. */
  maxRetryAfterMs: number;
  /** Backoff base when a 429/503 has no Retry-After. */
  backoffMs: number;
  requestsPerSecond: number;
  burst: number;
  clock: Clock;
  signal?: AbortSignal;
  insecure?: boolean;
  /** Which addresses may be reached; default: public ones and `GONGKAI_OUTBOUND_ALLOW`. */
  outbound?: OutboundPolicy;
}

export interface RequestOptions {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  userAgent?: string;
  maxBytes?: number;
  timeoutMs?: number;
  readBody?: (status: number, contentType: string | undefined) => boolean;
}

export interface Fetched extends RawResponse {
  url: string;
  finalUrl: string;
  redirects: string[];
  retries: number;
}

/** Parse Retry-After (seconds or an HTTP date) into milliseconds from `now`. */
export function retryAfterMs(value: string | string[] | undefined, now: number): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const isHtmlType = (contentType: string | undefined) => !contentType || /text\/html|application\/xhtml\+xml|text\/plain/i.test(contentType);

/**
 * Requests with per-host rate limits, retries and redirects; shares keep-alive agents across a run.
 * `requests` and `retries` count what was sent (the report's stats).
 */
export class Requester {
  readonly buckets: HostBuckets;
  private readonly agents: OutboundAgents;
  requests = 0;
  retries = 0;

  constructor(readonly opts: RequesterOptions) {
    this.buckets = new HostBuckets(opts.requestsPerSecond, opts.burst, opts.clock);
    this.agents = new OutboundAgents(opts.outbound ?? OutboundPolicy.fromEnv(), { keepAlive: true });
  }

  close(): void {
    this.agents.destroy();
  }

  /** One URL with its retries (429/503), no redirects. */
  async fetchWithRetry(url: string, ro: RequestOptions = {}): Promise<RawResponse & { retries: number }> {
    const { clock } = this.opts;
    const bucket = this.buckets.for(hostOf(url));
    let retries = 0;
    for (;;) {
      await bucket.take();
      this.requests++;
      const res = await requestOnce(url, {
        method: ro.method ?? 'GET',
        headers: { 'user-agent': ro.userAgent ?? this.opts.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': 'zh-CN,zh;q=0.9', ...ro.headers },
        timeoutMs: ro.timeoutMs ?? this.opts.timeoutMs,
        maxBytes: ro.maxBytes ?? this.opts.maxBodyBytes,
        readBody: ro.readBody ?? ((_s, ct) => isHtmlType(ct)),
        agents: this.agents,
        signal: this.opts.signal,
        insecure: this.opts.insecure,
      });
      if ((res.status === 429 || res.status === 503) && retries < this.opts.maxRetries && !this.opts.signal?.aborted) {
        const hinted = retryAfterMs(res.headers['retry-after'], clock.now());
        const wait = hinted ?? this.opts.backoffMs * 2 ** retries;
        if (wait > this.opts.maxRetryAfterMs) {
          return { ...res, retries, error: { code: 'rate-limited', message: `服务器要求 ${Math.round(wait / 1000)} 秒后重试（HTTP ${res.status}），超过等待上限` } };
        }
        retries++;
        this.retries++;
        // The whole host waits, not just this request.
        bucket.delayUntil(clock.now() + wait);
        await clock.sleep(wait);
        continue;
      }
      if (res.status === 429 || res.status === 503) {
        return { ...res, retries, error: res.error ?? { code: 'rate-limited', message: `重试 ${retries} 次后仍返回 HTTP ${res.status}` } };
      }
      return { ...res, retries };
    }
  }

  /** Follow redirects up to `maxRedirects`, detecting loops. `canFollow` may refuse a hop (robots.txt). */
  async fetch(url: string, ro: RequestOptions = {}, canFollow: (next: string) => boolean = () => true): Promise<Fetched> {
    const redirects: string[] = [];
    const seen = new Set([url]);
    let current = url;
    let method = ro.method ?? 'GET';
    let totalRetries = 0;
    for (;;) {
      const res = await this.fetchWithRetry(current, { ...ro, method });
      totalRetries += res.retries;
      const location = res.headers.location;
      if (res.status !== null && res.status >= 300 && res.status < 400 && location && !res.error) {
        let next: string;
        try {
          next = new URL(location, current).toString().replace(/#.*$/, '');
        } catch {
          return { ...res, url, finalUrl: current, redirects, retries: totalRetries };
        }
        if (seen.has(next)) {
          return { ...res, url, finalUrl: current, redirects, retries: totalRetries, error: { code: 'redirect-loop', message: `重定向循环：${[url, ...redirects, next].join(' → ')}` } };
        }
        if (redirects.length >= this.opts.maxRedirects) {
          return { ...res, url, finalUrl: current, redirects, retries: totalRetries, error: { code: 'too-many-redirects', message: `重定向超过 ${this.opts.maxRedirects} 次` } };
        }
        if (!canFollow(next)) return { ...res, url, finalUrl: current, redirects, retries: totalRetries };
        seen.add(next);
        redirects.push(next);
        current = next;
        if (res.status === 303) method = 'GET';
        continue;
      }
      return { ...res, url, finalUrl: current, redirects, retries: totalRetries };
    }
  }
}
