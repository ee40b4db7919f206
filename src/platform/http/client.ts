/**
 * The one polite HTTP client of the product, on node:http/https, for every request to an address
 * someone typed in: the monitor's pages and links (S8) and the syndication's upstream sites (S9).
 *
 * - One deadline per request covering headers and body (N1: not answered in 15 s is a failure).
 * - A body cap counted after decompression (gzip, deflate, br): a 100 MB page or a zip bomb ends as
 *   `body-too-large` with the first bytes kept, and the rest is never read.
 * - Redirects followed by hand: every hop is a new connection through the outbound agents, so a hop
 *   to a loopback, private, link-local or metadata address is refused at connect time, after DNS
 *   (issue 14 #10); a loop (the same URL with the same cookies) is stopped; the caller may refuse a
 *   hop (robots.txt).
 * - An optional cookie jar: the ministry's WAF sets its cookie on a 302 and wants it on the next hop.
 * - Per-host limits (limiter.ts) and retries with backoff and Retry-After, by the caller's policy.
 *
 * Nothing here throws: every failure comes back as an `HttpError` on the response; callers turn it
 * into their own errors (the monitor's page errors, the syndication's `FetchError`).
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import type { CookieJar } from 'tough-cookie';
import { OutboundAgents, OutboundPolicy, outboundRefusalOf, refusalMessage } from './outbound.js';
import { HostLimiter, systemClock, type Clock, type HostLimitOptions } from './limiter.js';

export type HttpErrorCode =
  | 'timeout'
  | 'connection-refused'
  | 'connection-reset'
  | 'dns'
  | 'tls'
  | 'network'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'body-too-large'
  | 'rate-limited'
  | 'invalid-url'
  | 'aborted'
  /** A loopback, private, link-local or other reserved address, refused (issue 14 #10). */
  | 'refused-address';

export interface HttpError {
  code: HttpErrorCode;
  message: string;
}

/** Transport failures (as opposed to answers): worth another attempt for a caller that retries them. */
export const transportErrorCodes: ReadonlySet<HttpErrorCode> = new Set([
  'timeout',
  'connection-refused',
  'connection-reset',
  'dns',
  'tls',
  'network',
]);

export interface RawResponse {
  status: number | null;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  bytes: number;
  truncated: boolean;
  ttfbMs?: number;
  elapsedMs: number;
  error?: HttpError;
  /** The low-level code behind a transport error (ECONNRESET …). */
  errno?: string;
  /** Whether the body was decompressed (its Content-Encoding no longer applies). */
  decoded?: boolean;
}

export type ReadBody = (status: number, contentType: string | undefined) => boolean;

export interface OnceOptions {
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** Decide after the headers whether the body is wanted (non-HTML bodies are skipped). */
  readBody: ReadBody;
  /** The only way out: there is no request without the outbound check. */
  agents: OutboundAgents;
  signal?: AbortSignal;
  insecure?: boolean;
}

const messages: Record<HttpErrorCode, string> = {
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

function classify(err: unknown, url: string): { error: HttpError; errno?: string } {
  const refusal = outboundRefusalOf(err);
  if (refusal) return { error: { code: 'refused-address', message: refusalMessage(url, refusal) }, errno: 'EREFUSEDADDRESS' };
  const e = err as NodeJS.ErrnoException & { code?: string };
  const code = e?.code ?? '';
  const map: Record<string, HttpErrorCode> = {
    ECONNREFUSED: 'connection-refused',
    ECONNRESET: 'connection-reset',
    EPIPE: 'connection-reset',
    ENOTFOUND: 'dns',
    EAI_AGAIN: 'dns',
    ETIMEDOUT: 'timeout',
  };
  let kind: HttpErrorCode = map[code] ?? 'network';
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) kind = 'tls';
  return {
    error: { code: kind, message: `${messages[kind]}（${code || e?.message || 'unknown'}）` },
    errno: code || e?.message || undefined,
  };
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

/** The User-Agent as sent: non-ASCII percent-encoded (Node rejects it raw; RFC 9110 wants ASCII). */
export function userAgentHeader(userAgent: string): string {
  return userAgent.replace(/[^\x20-\x7e]+/g, (run) => encodeURIComponent(run));
}

/** Retry-After as milliseconds from `nowMs`: delta-seconds or an HTTP date; undefined if unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const text = v.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * An absolute http(s) URL without fragment, or the page error saying why not. Only http and https:
 * a `file:` or `ftp:` address is refused before anything is sent.
 */
export function parseHttpUrl(url: string, base?: string | URL): URL | HttpError {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return { code: 'invalid-url', message: `网址无效：${url}` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { code: 'invalid-url', message: `只支持 http 和 https 网址：${url}` };
  parsed.hash = '';
  return parsed;
}

const failed = (error: HttpError, errno?: string): RawResponse => ({
  status: null,
  headers: {},
  body: Buffer.alloc(0),
  bytes: 0,
  truncated: false,
  elapsedMs: 0,
  error,
  errno,
});

/** One request, no redirects followed, never rejects. */
export function requestOnce(url: string, opts: OnceOptions): Promise<RawResponse> {
  const started = Date.now();
  return new Promise<RawResponse>((resolve) => {
    const parsed = parseHttpUrl(url);
    if (!(parsed instanceof URL)) {
      resolve(failed(parsed));
      return;
    }
    const lib = parsed.protocol === 'https:' ? https : http;
    const chunks: Buffer[] = [];
    let bytes = 0;
    let status: number | null = null;
    let headers: http.IncomingHttpHeaders = {};
    let ttfbMs: number | undefined;
    let truncated = false;
    let decoded = false;
    let done = false;
    let stream: Readable | undefined;

    const finish = (failure?: { error: HttpError; errno?: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      stream?.destroy();
      resolve({
        status,
        headers,
        body: Buffer.concat(chunks),
        bytes,
        truncated,
        ttfbMs,
        elapsedMs: Date.now() - started,
        error: failure?.error,
        errno: failure?.errno,
        decoded,
      });
    };
    const onAbort = () => finish({ error: { code: 'aborted', message: '检查被取消' } });

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
          decoded = decoder !== undefined;
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
              finish({
                error: { code: 'body-too-large', message: `页面超过 ${fmtBytes(opts.maxBytes)}，只检查了前 ${fmtBytes(opts.maxBytes)}` },
              });
              return;
            }
            chunks.push(chunk);
            bytes += chunk.length;
          });
          stream.on('end', () => finish());
          stream.on('error', (err) => finish(classify(err, url)));
          res.on('aborted', () => finish({ error: { code: 'connection-reset', message: '连接在传输中断开' }, errno: 'ECONNRESET' }));
        },
      );
    } catch (err) {
      // Invalid header values and the like throw synchronously.
      resolve(failed({ code: 'invalid-url', message: `请求无法发出：${(err as Error).message}` }));
      return;
    }
    const timer = setTimeout(
      () => finish({ error: { code: 'timeout', message: `${Math.round(opts.timeoutMs / 100) / 10} 秒内未完成加载` } }),
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

/** When and how a client tries again. */
export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  /** Whether this answer (or failure) is worth another attempt. */
  retryable(res: RawResponse): boolean;
  /** The wait before retry number `retry` (1-based) when the server named none. */
  backoffMs(retry: number): number;
  /** A wait longer than this is not waited for: the answer is returned with `gaveUpWaitMs`. */
  maxWaitMs: number;
}

/** Retries only what a server asks to be retried (429 Too Many Requests, 503 Unavailable). */
export const retryBusyOnly = (retries: number, backoffBaseMs: number, maxWaitMs: number): RetryPolicy => ({
  retries,
  retryable: (res) => res.status === 429 || res.status === 503,
  backoffMs: (retry) => backoffBaseMs * 2 ** (retry - 1),
  maxWaitMs,
});

export interface HttpClientOptions {
  /** The User-Agent that names the product (non-ASCII is percent-encoded). */
  userAgent: string;
  /** The Accept header unless a request names its own. */
  accept?: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retry: RetryPolicy;
  /** Per-host limits: requests in flight, rate and burst. */
  limits?: Omit<HostLimitOptions, 'clock'>;
  clock?: Clock;
  /** Cookies kept across hops and requests; none when unset. */
  cookieJar?: CookieJar;
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
  readBody?: ReadBody;
}

export interface HopResponse extends RawResponse {
  /** Retries of this URL. */
  retries: number;
  /** Retry-After of a 429/503 answer, in ms from now. */
  retryAfterMs?: number;
  /** Set when a wait beyond the policy's limit ended the retries: the wait asked for, in ms. */
  gaveUpWaitMs?: number;
}

export interface Fetched extends HopResponse {
  url: string;
  finalUrl: string;
  redirects: string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Requests with per-host limits, retries and redirects; keep-alive agents shared across the client's
 * life (close() ends them). `requests` and `retries` count what was sent.
 */
export class HttpClient {
  readonly limiter: HostLimiter;
  readonly cookieJar?: CookieJar;
  private readonly agents: OutboundAgents;
  private readonly clock: Clock;
  requests = 0;
  retries = 0;

  constructor(readonly opts: HttpClientOptions) {
    this.clock = opts.clock ?? systemClock;
    this.limiter = new HostLimiter({ ...opts.limits, clock: this.clock });
    this.cookieJar = opts.cookieJar;
    this.agents = new OutboundAgents(opts.outbound ?? OutboundPolicy.fromEnv(), { keepAlive: true });
  }

  close(): void {
    this.agents.destroy();
  }

  private async headersFor(url: string, ro: RequestOptions): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      'user-agent': userAgentHeader(ro.userAgent ?? this.opts.userAgent),
      accept: this.opts.accept ?? 'text/html,application/xhtml+xml,*/*;q=0.8',
      'accept-language': 'zh-CN,zh;q=0.9',
    };
    for (const [name, value] of Object.entries(ro.headers ?? {})) headers[name.toLowerCase()] = value;
    const cookie = this.cookieJar ? await this.cookieJar.getCookieString(url) : '';
    if (cookie) headers.cookie = cookie;
    return headers;
  }

  private async storeCookies(setCookie: string[] | undefined, url: string): Promise<void> {
    if (!this.cookieJar) return;
    for (const value of setCookie ?? []) {
      // A malformed cookie from upstream is not our failure: skip it.
      await this.cookieJar.setCookie(value, url, { ignoreError: true });
    }
  }

  /** One URL with its retries, no redirects; holds a slot of the host's limit while it is read. */
  async fetchWithRetry(url: string, ro: RequestOptions = {}): Promise<HopResponse> {
    const { retry } = this.opts;
    const host = (() => {
      try {
        return new URL(url).host.toLowerCase();
      } catch {
        return '';
      }
    })();
    let retries = 0;
    for (;;) {
      const release = await this.limiter.acquire(host);
      let res: RawResponse;
      try {
        this.requests++;
        res = await requestOnce(url, {
          method: ro.method ?? 'GET',
          headers: await this.headersFor(url, ro),
          timeoutMs: ro.timeoutMs ?? this.opts.timeoutMs,
          maxBytes: ro.maxBytes ?? this.opts.maxBytes,
          readBody: ro.readBody ?? (() => true),
          agents: this.agents,
          signal: this.opts.signal,
          insecure: this.opts.insecure,
        });
      } finally {
        release();
      }
      const setCookie = res.headers['set-cookie'];
      await this.storeCookies(setCookie, url);
      const retryAfterMs =
        res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers['retry-after'], this.clock.now()) : undefined;
      if (!retry.retryable(res) || retries >= retry.retries || this.opts.signal?.aborted) return { ...res, retries, retryAfterMs };
      const wait = retryAfterMs ?? retry.backoffMs(retries + 1);
      // A server asking for a long pause is obeyed by not retrying now; the caller's scheduler sees the wait.
      if (wait > retry.maxWaitMs) return { ...res, retries, retryAfterMs, gaveUpWaitMs: wait };
      retries++;
      this.retries++;
      // The whole host waits, not just this request.
      this.limiter.delayUntil(host, this.clock.now() + wait);
      await this.clock.sleep(wait);
    }
  }

  /**
   * Follow redirects up to `maxRedirects`, each hop checked by the outbound agents; a loop (the same URL
   * with the same cookies) is stopped. `canFollow` may refuse a hop (robots.txt); a 3xx without a usable
   * Location is returned as it is.
   */
  async fetch(url: string, ro: RequestOptions = {}, canFollow: (next: string) => boolean = () => true): Promise<Fetched> {
    const redirects: string[] = [];
    const seen = new Set<string>();
    let current = url;
    let method = ro.method ?? 'GET';
    let totalRetries = 0;
    const visit = async (target: string) => `${target} ${this.cookieJar ? await this.cookieJar.getCookieString(target) : ''}`;
    seen.add(await visit(url));
    for (;;) {
      const res = await this.fetchWithRetry(current, { ...ro, method });
      totalRetries += res.retries;
      const done = (error?: HttpError): Fetched => ({
        ...res,
        url,
        finalUrl: current,
        redirects,
        retries: totalRetries,
        ...(error ? { error } : {}),
      });
      const location = res.headers.location;
      if (res.status === null || !REDIRECT_STATUSES.has(res.status) || !location || res.error) return done();
      const next = parseHttpUrl(location, current);
      if (!(next instanceof URL)) return done();
      const nextUrl = next.toString();
      const key = await visit(nextUrl);
      if (seen.has(key)) return done({ code: 'redirect-loop', message: `重定向循环：${[url, ...redirects, nextUrl].join(' → ')}` });
      if (redirects.length >= this.opts.maxRedirects)
        return done({ code: 'too-many-redirects', message: `重定向超过 ${this.opts.maxRedirects} 次` });
      if (!canFollow(nextUrl)) return done();
      seen.add(key);
      redirects.push(nextUrl);
      current = nextUrl;
      if (res.status === 303) method = 'GET';
    }
  }
}
