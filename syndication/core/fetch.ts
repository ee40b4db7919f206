import { CookieJar } from 'tough-cookie';
import { decodeBody } from '../../src/platform/http/charset.js';
import {
  HttpClient,
  parseRetryAfter,
  transportErrorCodes,
  userAgentHeader,
  type Fetched,
  type RawResponse,
} from '../../src/platform/http/client.js';
import type { HostLimiter } from '../../src/platform/http/limiter.js';
import type { OutboundPolicy } from '../../src/platform/http/outbound.js';

/**
 * The polite, robust HTTP layer every upstream request goes through (S9), on the product's one HTTP
 * client (src/platform/http/client.ts): a total timeout, a body-size cap, retries with exponential
 * backoff, Retry-After, conditional GET, redirects followed by hand with a cookie jar (the ministry's
 * WAF sets its cookie on a 302), a per-host concurrency limit, a User-Agent that names the product, and
 * charset decoding. Every connection, of every hop, goes through the outbound agents
 * (src/platform/http/outbound.ts): an upstream address that is loopback, private, link-local or otherwise
 * reserved — typed in, resolved by DNS, or reached by a redirect — is refused (issue 14 #10) unless the
 * policy's intranet allow-list names it. This module keeps the syndication's API: errors are thrown as
 * `FetchError`.
 */

export { parseRetryAfter, userAgentHeader };

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
  timeoutMs?: number; // default 20 s, for the whole request including the body
  maxBytes?: number; // default 15 MB (Miniflux's cap), decompressed
  retries?: number; // further attempts after the first; default 2
  backoffBaseMs?: number; // first retry delay; doubles each time; default 1 s
  backoffMaxMs?: number; // default 30 s
  maxRetryAfterMs?: number; // longest Retry-After we wait in-process; longer ones fail fast; default 60 s
  maxRedirects?: number; // default 5 (a loop, the same URL with the same cookies, stops at once)
  perHostConcurrency?: number; // default 2
  userAgent?: string;
  cookieJar?: CookieJar;
  /**
   * No forward proxy is ever used (HTTP(S)_PROXY from the environment is ignored): through a proxy the
   * upstream's address would be the proxy's to check, not ours. Only `false` is accepted.
   */
  proxy?: false;
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
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8';

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Worth another attempt: network trouble, timeouts, 5xx, 429 and 408 (as `FetchError.retryable`). */
function retryableAnswer(res: RawResponse): boolean {
  if (res.error) return transportErrorCodes.has(res.error.code);
  const status = res.status ?? 0;
  return status >= 500 || status === 429 || status === 408;
}

export class HttpFetcher implements Fetcher {
  readonly cookieJar: CookieJar;
  private readonly client: HttpClient;
  private readonly options: Required<Omit<FetcherOptions, 'cookieJar' | 'proxy' | 'outbound'>>;

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
    };
    this.cookieJar = options.cookieJar ?? new CookieJar();
    const { retries, maxRetryAfterMs } = this.options;
    this.client = new HttpClient({
      userAgent: this.options.userAgent,
      accept: DEFAULT_ACCEPT,
      timeoutMs: this.options.timeoutMs,
      maxBytes: this.options.maxBytes,
      maxRedirects: this.options.maxRedirects,
      retry: {
        retries: Math.max(0, retries),
        retryable: retryableAnswer,
        backoffMs: (retry) => this.backoffDelay(retry),
        maxWaitMs: maxRetryAfterMs,
      },
      limits: { perHost: this.options.perHostConcurrency },
      clock: { now: this.options.now, sleep: this.options.sleep },
      cookieJar: this.cookieJar,
      outbound: options.outbound,
    });
  }

  /** The per-host concurrency limit. */
  get limiter(): HostLimiter {
    return this.client.limiter;
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.client.close();
  }

  async fetchText(url: string, request: FetchRequest = {}): Promise<FetchResult> {
    const { body, info } = await this.fetchChecked(url, request);
    if (info.notModified) return { ...info, text: '' };
    const decoded = decodeBody(body, info.contentType, request.charset);
    return { ...info, text: decoded.text, charset: decoded.charset };
  }

  async fetchBytes(url: string, request: FetchRequest = {}): Promise<FetchBytesResult> {
    const { body, info } = await this.fetchChecked(url, request);
    return { ...info, bytes: body };
  }

  /** The delay before retry number `retry` (1-based): base × 2^(retry−1), capped, plus jitter. */
  backoffDelay(retry: number): number {
    const { backoffBaseMs, backoffMaxMs, random } = this.options;
    const delay = Math.min(backoffMaxMs, backoffBaseMs * 2 ** (retry - 1));
    return Math.round(delay + delay * 0.25 * random());
  }

  /** The fetch, with every failure and every answer but 2xx and 304 thrown as a `FetchError`. */
  private async fetchChecked(url: string, request: FetchRequest): Promise<{ body: Buffer; info: FetchResponseInfo }> {
    const first = parseHttpUrl(url);
    const headers: Record<string, string> = { ...request.headers };
    if (request.accept) headers.accept = request.accept;
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    const res = await this.client.fetch(first.href, {
      headers,
      timeoutMs: request.timeoutMs,
      maxBytes: request.maxBytes,
      // Only a 2xx body is wanted: an error page or a redirect is not read.
      readBody: (status) => status >= 200 && status < 300,
    });
    const failure = this.failureOf(url, res, request);
    if (failure) {
      failure.attempts = res.retries + 1;
      throw failure;
    }
    const status = res.status ?? 0;
    const responseHeaders = flattenHeaders(res);
    const info: FetchResponseInfo = {
      status,
      url: res.finalUrl,
      contentType: responseHeaders['content-type'],
      etag: responseHeaders.etag ?? (status === 304 ? request.etag : undefined),
      lastModified: responseHeaders['last-modified'] ?? (status === 304 ? request.lastModified : undefined),
      notModified: status === 304,
      headers: responseHeaders,
    };
    return { body: res.body, info };
  }

  private failureOf(url: string, res: Fetched, request: FetchRequest): FetchError | undefined {
    const hop = res.finalUrl;
    if (res.error) {
      const { code, message } = res.error;
      switch (code) {
        case 'invalid-url':
          return new FetchError('invalid-url', hop, message);
        case 'refused-address':
          return new FetchError('refused-address', hop, message, { code: 'EREFUSEDADDRESS' });
        case 'timeout':
          return new FetchError('timeout', hop, `请求超时（${formatSeconds(request.timeoutMs ?? this.options.timeoutMs)} 秒）：${hop}`);
        case 'body-too-large':
          return tooLarge(hop, request.maxBytes ?? this.options.maxBytes);
        case 'too-many-redirects':
          return new FetchError('too-many-redirects', url, `重定向次数超过 ${this.options.maxRedirects} 次：${url}`);
        case 'redirect-loop':
          // A loop is as many redirects as one likes: stopped at the first repeat, not after the cap.
          return new FetchError('too-many-redirects', url, message);
        default:
          return new FetchError('network', hop, `网络错误（${res.errno ?? message}）：${hop}`, { code: res.errno });
      }
    }
    const status = res.status ?? 0;
    if (REDIRECT_STATUSES.has(status)) {
      const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
      if (!location) return new FetchError('http-status', hop, `上游网站返回 HTTP ${status} 但没有给出跳转地址：${hop}`, { status });
      try {
        parseHttpUrl(location, new URL(hop));
      } catch (error) {
        if (error instanceof FetchError) return error;
      }
      return new FetchError('http-status', hop, `上游网站返回 HTTP ${status}：${hop}`, { status });
    }
    if (status === 304 || (status >= 200 && status < 300)) return undefined;
    return new FetchError('http-status', hop, `上游网站返回 HTTP ${status}：${hop}`, { status, retryAfterMs: res.retryAfterMs });
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

/** Response headers with lower-case names, repeated values joined with ", "; a decoded body loses its Content-Encoding. */
function flattenHeaders(res: RawResponse): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || value === null) continue;
    if (res.decoded && name.toLowerCase() === 'content-encoding') continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  }
  return flat;
}
