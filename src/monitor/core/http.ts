/**
 * HTTP for the monitor, on the product's one HTTP client (src/platform/http/client.ts): one deadline per
 * request covering headers and body (N1: not answered in 15 s is a failure), a body cap counted after
 * decompression (a 100 MB page or a zip bomb ends as a note), redirects checked hop by hop with loop
 * detection, and 429/503 backoff that honours Retry-After. Nothing here throws: every failure comes
 * back as a `PageError`. Every connection goes through the outbound agents (src/platform/http/outbound.ts):
 * a page, link or redirect hop on a loopback, private, link-local or other reserved address is refused
 * at connect time, after DNS (issue 14 #10), unless the allow-list names it.
 */
import { HttpClient, retryBusyOnly, type Fetched as ClientFetched, type RequestOptions } from '../../platform/http/client.js';
import type { HostLimiter } from '../../platform/http/limiter.js';
import type { OutboundPolicy } from '../../platform/http/outbound.js';
import type { Clock } from './types.js';

export type { RawResponse, RequestOptions } from '../../platform/http/client.js';

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

export type Fetched = ClientFetched;

const isHtmlType = (contentType: string | undefined) => !contentType || /text\/html|application\/xhtml\+xml|text\/plain/i.test(contentType);

/**
 * Requests with per-host rate limits, retries and redirects; shares keep-alive agents across a run.
 * `requests` and `retries` count what was sent (the report's stats). A 429/503 that is still there
 * after the retries, or asks for a wait beyond the limit, is a `rate-limited` page error.
 */
export class Requester {
  private readonly client: HttpClient;

  constructor(readonly opts: RequesterOptions) {
    this.client = new HttpClient({
      userAgent: opts.userAgent,
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      timeoutMs: opts.timeoutMs,
      maxBytes: opts.maxBodyBytes,
      maxRedirects: opts.maxRedirects,
      retry: retryBusyOnly(opts.maxRetries, opts.backoffMs, opts.maxRetryAfterMs),
      limits: { ratePerSecond: opts.requestsPerSecond, burst: opts.burst },
      clock: opts.clock,
      signal: opts.signal,
      insecure: opts.insecure,
      outbound: opts.outbound,
    });
  }

  /** The per-host rate limits (robots.txt Crawl-delay slows one host down). */
  get buckets(): HostLimiter {
    return this.client.limiter;
  }
  get requests(): number {
    return this.client.requests;
  }
  get retries(): number {
    return this.client.retries;
  }

  close(): void {
    this.client.close();
  }

  /** Follow redirects up to `maxRedirects`, detecting loops. `canFollow` may refuse a hop (robots.txt). */
  async fetch(url: string, ro: RequestOptions = {}, canFollow: (next: string) => boolean = () => true): Promise<Fetched> {
    const res = await this.client.fetch(url, { ...ro, readBody: ro.readBody ?? ((_s, ct) => isHtmlType(ct)) }, canFollow);
    if (res.gaveUpWaitMs !== undefined && !res.error) {
      return {
        ...res,
        error: {
          code: 'rate-limited',
          message: `服务器要求 ${Math.round(res.gaveUpWaitMs / 1000)} 秒后重试（HTTP ${res.status}），超过等待上限`,
        },
      };
    }
    if (res.status === 429 || res.status === 503) {
      return { ...res, error: res.error ?? { code: 'rate-limited', message: `重试 ${res.retries} 次后仍返回 HTTP ${res.status}` } };
    }
    return res;
  }
}
