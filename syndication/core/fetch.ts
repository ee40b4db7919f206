import axios, { type AxiosInstance, type AxiosProxyConfig, type AxiosResponse } from 'axios';
import type { Readable } from 'node:stream';
import { CookieJar } from 'tough-cookie';
import { OutboundAgents, OutboundPolicy, outboundRefusalOf, refusalMessage } from '../../src/platform/http/outbound.js';
import { decodeBody } from './charset.js';
import { HostLimiter } from './limiter.js';

/**
 * The polite, robust HTTP layer every upstream request goes through (S9): a total timeout, a body-size
 * cap, retries with exponential backoff, Retry-After, conditional GET, redirects followed by hand with a
 * cookie jar (the ministry's WAF sets its cookie on a 302), a per-host concurrency limit, a User-Agent
 * that names the product, and charset decoding (charset.ts). Every connection, of every hop, goes
 * through the outbound agents (src/platform/http/outbound.ts): an upstream address that is loopback, private,
 * link-local or otherwise reserved — typed in, resolved by DNS, or reached by a redirect — is refused
 * (issue 14 #10) unless the policy's intranet allow-list names it.
 */

/** The product string. Non-ASCII cannot travel in an HTTP header as is: see `userAgentHeader`. */
export const USER_AGENT = 'gongkai/0.1 (+政务公开网站转载)';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;

export type FetchErrorKind = 'timeout' | 'too-large' | 'http-status' | 'network' | 'too-many-redirects' | 'invalid-url' | 'refused-address';

export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly kind: FetchErrorKind;
  readonly url: string;
  /** The HTTP status, for `http-status`. */
  readonly status?: number;
  /** What the server asked for in Retry-After (429/503), in ms: the scheduler should wait at least that. */
  readonly retryAfterMs?: number;
  /** A low-level error code (ECONNRESET …), for `network`. */
  readonly code?: string;
  /** How many attempts were made before giving up. */
  attempts = 1;

  constructor(
    kind: FetchErrorKind,
    url: string,
    message: string,
    extra: { status?: number; retryAfterMs?: number; code?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.kind = kind;
    this.url = url;
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
    this.code = extra.code;
  }

  /** Worth another attempt: network trouble, timeouts, 5xx, 429 and 408. */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.kind !== 'http-status' || this.status === undefined) return false;
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

export interface FetchRequest {
  /** The ETag stored from the previous fetch of this URL: sent as If-None-Match. */
  etag?: string;
  /** The Last-Modified stored from the previous fetch: sent as If-Modified-Since. */
  lastModified?: string;
  /** Charset override (the source's `charset`), for fetchText. */
  charset?: string;
  maxBytes?: number;
  timeoutMs?: number;
  accept?: string;
  headers?: Record<string, string>;
}

export interface FetchResponseInfo {
  status: number;
  /** The final URL, after redirects: the base for relative links. */
  url: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** True on 304: nothing changed since the ETag/Last-Modified we sent; the body is empty. */
  notModified: boolean;
  /** Response headers, lower-case names, multiple values joined with ", ". */
  headers: Record<string, string>;
}

export interface FetchResult extends FetchResponseInfo {
  text: string;
  /** The charset the text was decoded with (undefined on 304). */
  charset?: string;
}

export interface FetchBytesResult extends FetchResponseInfo {
  bytes: Buffer;
}

/** What the rest of the library needs from a fetcher; `HttpFetcher` is the real one, tests may fake it. */
export interface Fetcher {
  fetchText(url: string, request?: FetchRequest): Promise<FetchResult>;
  fetchBytes(url: string, request?: FetchRequest): Promise<FetchBytesResult>;
}

export interface FetcherOptions {
  timeoutMs?: number;          // default 20 s, for the whole request including the body
  maxBytes?: number;           // default 15 MB (Miniflux's cap), decompressed
  retries?: number;            // further attempts after the first; default 2
  backoffBaseMs?: number;      // first retry delay; doubles each time; default 1 s
  backoffMaxMs?: number;       // default 30 s
  maxRetryAfterMs?: number;    // longest Retry-After we wait in-process; longer ones fail fast; default 60 s
  maxRedirects?: number;       // default 5
  perHostConcurrency?: number; // default 2
  userAgent?: string;
  cookieJar?: CookieJar;
  /**
   * A forward proxy, passed to axios. Default: none, and HTTP(S)_PROXY from the environment is ignored:
   * through a proxy the upstream's address is the proxy's to check, not ours (the proxy's own address
   * must then be on the allow-list if it is on the intranet).
   */
  proxy?: AxiosProxyConfig | false;
  /** Which addresses may be reached; default: public ones and `GONGKAI_OUTBOUND_ALLOW`. */
  outbound?: OutboundPolicy;
  /** Injectable for tests: wall-clock now in ms (for Retry-After dates) and the backoff sleep. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1; adds up to 25 % jitter to backoff delays. Tests pass () => 0. */
  random?: () => number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_RETRY_AFTER_DEFAULT_MS = 60_000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The User-Agent as sent: non-ASCII percent-encoded (Node rejects it raw; RFC 9110 wants ASCII). */
export function userAgentHeader(userAgent: string): string {
  return userAgent.replace(/[^\x20-\x7e]+/g, (run) => encodeURIComponent(run));
}

/** Retry-After as milliseconds from `nowMs`: delta-seconds or an HTTP date; undefined if unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

class TimeoutSignal extends Error {}
class TooLargeSignal extends Error {}

interface Hop {
  status: number;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  location?: string;
}

export class HttpFetcher implements Fetcher {
  readonly cookieJar: CookieJar;
  readonly limiter: HostLimiter;
  private readonly http: AxiosInstance;
  private readonly agents: OutboundAgents;
  private readonly options: Required<Omit<FetcherOptions, 'cookieJar' | 'proxy' | 'outbound'>> & Pick<FetcherOptions, 'proxy'>;

  constructor(options: FetcherOptions = {}) {
    this.options = {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      retries: options.retries ?? 2,
      backoffBaseMs: options.backoffBaseMs ?? 1000,
      backoffMaxMs: options.backoffMaxMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? MAX_RETRY_AFTER_DEFAULT_MS,
      maxRedirects: options.maxRedirects ?? 5,
      perHostConcurrency: options.perHostConcurrency ?? 2,
      userAgent: options.userAgent ?? USER_AGENT,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
      proxy: options.proxy ?? false,
    };
    this.agents = new OutboundAgents(options.outbound ?? OutboundPolicy.fromEnv(), { keepAlive: true });
    this.cookieJar = options.cookieJar ?? new CookieJar();
    this.limiter = new HostLimiter(this.options.perHostConcurrency);
    this.http = axios.create();
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agents.destroy();
  }

  async fetchText(url: string, request: FetchRequest = {}): Promise<FetchResult> {
    const { hop, info } = await this.fetchWithRetries(url, request);
    if (info.notModified) return { ...info, text: '' };
    const decoded = decodeBody(hop.body, info.contentType, request.charset);
    return { ...info, text: decoded.text, charset: decoded.charset };
  }

  async fetchBytes(url: string, request: FetchRequest = {}): Promise<FetchBytesResult> {
    const { hop, info } = await this.fetchWithRetries(url, request);
    return { ...info, bytes: hop.body };
  }

  /** The delay before retry number `retry` (1-based): base × 2^(retry−1), capped, plus jitter. */
  backoffDelay(retry: number): number {
    const { backoffBaseMs, backoffMaxMs, random } = this.options;
    const delay = Math.min(backoffMaxMs, backoffBaseMs * 2 ** (retry - 1));
    return Math.round(delay + delay * 0.25 * random());
  }

  private async fetchWithRetries(url: string, request: FetchRequest): Promise<{ hop: Hop; info: FetchResponseInfo }> {
    const attempts = 1 + Math.max(0, this.options.retries);
    for (let attempt = 1; ; attempt++) {
      try {
        const hop = await this.followRedirects(url, request);
        const info: FetchResponseInfo = {
          status: hop.status,
          url: hop.url,
          contentType: hop.headers['content-type'],
          etag: hop.headers.etag ?? (hop.status === 304 ? request.etag : undefined),
          lastModified: hop.headers['last-modified'] ?? (hop.status === 304 ? request.lastModified : undefined),
          notModified: hop.status === 304,
          headers: hop.headers,
        };
        return { hop, info };
      } catch (error) {
        const failure = error instanceof FetchError ? error : this.networkError(url, error);
        failure.attempts = attempt;
        if (!failure.retryable || attempt >= attempts) throw failure;
        let delay = this.backoffDelay(attempt);
        if (failure.retryAfterMs !== undefined) {
          // A server asking for a long pause is obeyed by not retrying now; the run's scheduler sees retryAfterMs.
          if (failure.retryAfterMs > this.options.maxRetryAfterMs) throw failure;
          delay = Math.max(failure.retryAfterMs, 0);
        }
        await this.options.sleep(delay);
      }
    }
  }

  private async followRedirects(url: string, request: FetchRequest): Promise<Hop> {
    let current = parseHttpUrl(url);
    for (let redirects = 0; ; redirects++) {
      const hop = await this.once(current, request);
      if (!REDIRECT_STATUSES.has(hop.status)) return hop;
      if (!hop.location) {
        throw new FetchError('http-status', hop.url, `上游网站返回 HTTP ${hop.status} 但没有给出跳转地址：${hop.url}`, { status: hop.status });
      }
      if (redirects >= this.options.maxRedirects) {
        throw new FetchError('too-many-redirects', url, `重定向次数超过 ${this.options.maxRedirects} 次：${url}`);
      }
      current = parseHttpUrl(hop.location, current);
    }
  }

  /** One HTTP exchange, holding a slot of the host's concurrency limit until the body is read. */
  private async once(url: URL, request: FetchRequest): Promise<Hop> {
    const href = url.href;
    const release = await this.limiter.acquire(url.host);
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    const maxBytes = request.maxBytes ?? this.options.maxBytes;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TimeoutSignal()), timeoutMs);
    try {
      const headers: Record<string, string> = {
        'User-Agent': userAgentHeader(this.options.userAgent),
        Accept: request.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8',
        'Accept-Language': 'zh-CN,zh;q=0.9',
        ...request.headers,
      };
      const cookie = await this.cookieJar.getCookieString(href);
      if (cookie) headers.Cookie = cookie;
      if (request.etag) headers['If-None-Match'] = request.etag;
      if (request.lastModified) headers['If-Modified-Since'] = request.lastModified;

      let response: AxiosResponse<Readable>;
      const agents = this.agents.for(url);
      try {
        response = await this.http.get<Readable>(href, {
          httpAgent: agents.http,
          httpsAgent: agents.https,
          headers,
          responseType: 'stream',
          maxRedirects: 0,
          validateStatus: () => true,
          signal: controller.signal,
          decompress: true,
          proxy: this.options.proxy,
          maxContentLength: -1,
        });
      } catch (error) {
        throw this.mapError(href, error, controller.signal, timeoutMs, maxBytes);
      }

      const responseHeaders = flattenHeaders(response.headers as Record<string, unknown>);
      await this.storeCookies(response.headers['set-cookie'], href);
      const status = response.status;
      const stream = response.data;

      if (REDIRECT_STATUSES.has(status) || status === 304 || status < 200 || status >= 300) {
        stream.destroy();
        if (REDIRECT_STATUSES.has(status) || status === 304) {
          return { status, url: href, headers: responseHeaders, body: Buffer.alloc(0), location: responseHeaders.location };
        }
        const retryAfterMs =
          status === 429 || status === 503 ? parseRetryAfter(responseHeaders['retry-after'], this.options.now()) : undefined;
        throw new FetchError('http-status', href, `上游网站返回 HTTP ${status}：${href}`, { status, retryAfterMs });
      }

      const declaredLength = Number(responseHeaders['content-length']);
      if (!responseHeaders['content-encoding'] && Number.isFinite(declaredLength) && declaredLength > maxBytes) {
        stream.destroy();
        throw tooLarge(href, maxBytes);
      }
      let body: Buffer;
      try {
        body = await readCapped(stream, maxBytes, controller.signal);
      } catch (error) {
        throw this.mapError(href, error, controller.signal, timeoutMs, maxBytes);
      }
      return { status, url: href, headers: responseHeaders, body };
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  private async storeCookies(setCookie: unknown, url: string): Promise<void> {
    const values = Array.isArray(setCookie) ? setCookie : typeof setCookie === 'string' ? [setCookie] : [];
    for (const value of values) {
      // A malformed cookie from upstream is not our failure: skip it.
      await this.cookieJar.setCookie(String(value), url, { ignoreError: true });
    }
  }

  private mapError(url: string, error: unknown, signal: AbortSignal, timeoutMs: number, maxBytes: number): FetchError {
    if (error instanceof FetchError) return error;
    if (error instanceof TooLargeSignal) return tooLarge(url, maxBytes);
    if (signal.aborted && signal.reason instanceof TimeoutSignal) {
      return new FetchError('timeout', url, `请求超时（${formatSeconds(timeoutMs)} 秒）：${url}`, { cause: error });
    }
    return this.networkError(url, error);
  }

  private networkError(url: string, error: unknown): FetchError {
    const refusal = outboundRefusalOf(error);
    if (refusal) return new FetchError('refused-address', url, refusalMessage(url, refusal), { code: 'EREFUSEDADDRESS', cause: error });
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
    const detail = code ?? (error instanceof Error ? error.message : String(error));
    return new FetchError('network', url, `网络错误（${detail}）：${url}`, { code, cause: error });
  }
}

function tooLarge(url: string, maxBytes: number): FetchError {
  return new FetchError('too-large', url, `响应内容超过大小上限（${formatSize(maxBytes)}）：${url}`);
}

function formatSeconds(ms: number): string {
  return String(Math.round((ms / 1000) * 10) / 10);
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB`;
  return `${Math.round((bytes / 1024) * 100) / 100} KB`;
}

/** An absolute http(s) URL, resolved against `base`; anything else is an `invalid-url` FetchError. */
function parseHttpUrl(url: string, base?: URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    throw new FetchError('invalid-url', url, `网址无效：${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('invalid-url', url, `只支持 http 和 https 网址：${url}`);
  }
  parsed.hash = '';
  return parsed;
}

function flattenHeaders(headers: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  }
  return flat;
}

/** Reads a stream into a buffer, failing as soon as it grows past `maxBytes` or the signal aborts. */
function readCapped(stream: Readable, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (error !== undefined) {
        stream.destroy();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onAbort = (): void => finish(signal.reason ?? new Error('aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > maxBytes) finish(new TooLargeSignal());
      else chunks.push(buffer);
    });
    stream.on('end', () => finish());
    stream.on('error', (error) => finish(error));
    stream.on('aborted', () => finish(new Error('aborted')));
  });
}
