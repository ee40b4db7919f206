/**
 * Politeness towards each host, for every outbound HTTP client: at most so many requests in flight to
 * one host (government sites are slow and sit behind firewalls that ban eager clients, S9), and at most
 * so many per second with a burst (the monitor's daily crawl, S8), pushed back by Retry-After and
 * robots.txt Crawl-delay.
 */

/** Injectable time source: tests pass a virtual clock so rate limits and backoff cost no real time. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** A counting semaphore: at most `max` holders at once, served in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly max: number) {
    if (!(max >= 1)) throw new Error(`Semaphore needs max ≥ 1, got ${max}`);
  }
  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    // Hand the slot over directly so a newcomer cannot overtake a waiter.
    if (next) next();
    else this.active--;
  }
  /** Holders now (waiters not counted). */
  get holders(): number {
    return this.active;
  }
  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

/**
 * A token bucket: `ratePerSecond` requests on average, bursts up to `burst`. Slots are reserved
 * synchronously (theoretical arrival time), so concurrent callers are spaced correctly. A rate of 0
 * means no limit.
 */
export class TokenBucket {
  private tat = 0;
  private readonly interval: number;
  constructor(
    ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    this.interval = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
  }
  /** Resolves when the caller may send; returns how long it waited (virtual ms). */
  async take(): Promise<number> {
    if (this.interval === 0) return 0;
    const now = this.clock.now();
    const tat = Math.max(this.tat, now);
    const allowAt = tat - (Math.max(1, this.burst) - 1) * this.interval;
    this.tat = tat + this.interval;
    const wait = allowAt - now;
    if (wait > 0) await this.clock.sleep(wait);
    return Math.max(0, wait);
  }
  /** Push the next slot back (Retry-After, Crawl-delay). */
  delayUntil(time: number): void {
    this.tat = Math.max(this.tat, time);
  }
}

export interface HostLimitOptions {
  /** Requests in flight to one host; default: no limit. */
  perHost?: number;
  /** Requests per second to one host; 0 or unset: no rate limit. */
  ratePerSecond?: number;
  /** Requests let through at once before the rate applies; default 1. */
  burst?: number;
  clock?: Clock;
}

/**
 * The per-host limits of one client: a concurrency slot and a rate token per request. `host` is
 * `URL.host` ('name:port'), so two ports of one machine are two hosts.
 */
export class HostLimiter {
  readonly perHost: number;
  private readonly ratePerSecond: number;
  private readonly burst: number;
  private readonly clock: Clock;
  private readonly slots = new Map<string, Semaphore>();
  private readonly buckets = new Map<string, TokenBucket>();

  /** `new HostLimiter(2)`: two requests in flight per host, no rate limit. */
  constructor(limits: number | HostLimitOptions = {}) {
    const o = typeof limits === 'number' ? { perHost: limits } : limits;
    if (o.perHost !== undefined && (!Number.isInteger(o.perHost) || o.perHost < 1))
      throw new RangeError('perHost must be a positive integer');
    this.perHost = o.perHost ?? Number.POSITIVE_INFINITY;
    this.ratePerSecond = o.ratePerSecond ?? 0;
    this.burst = o.burst ?? 1;
    this.clock = o.clock ?? systemClock;
  }

  /**
   * Waits for a slot on `host`, then for its rate token; call the returned function exactly once to
   * give the slot back.
   */
  async acquire(host: string): Promise<() => void> {
    let slot = this.slots.get(host);
    if (!slot) {
      slot = new Semaphore(Number.isFinite(this.perHost) ? this.perHost : Number.MAX_SAFE_INTEGER);
      this.slots.set(host, slot);
    }
    const mine = slot;
    await mine.acquire();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      mine.release();
      if (mine.idle && this.slots.get(host) === mine) this.slots.delete(host);
    };
    try {
      await this.bucket(host).take();
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  /** Requests in flight to `host` (for tests and diagnostics). */
  active(host: string): number {
    return this.slots.get(host)?.holders ?? 0;
  }

  /** The rate bucket of `host`. */
  bucket(host: string): TokenBucket {
    let bucket = this.buckets.get(host);
    if (!bucket) {
      bucket = new TokenBucket(this.ratePerSecond, this.burst, this.clock);
      this.buckets.set(host, bucket);
    }
    return bucket;
  }

  /** The bucket of `host` (the monitor's name for it). */
  for(host: string): TokenBucket {
    return this.bucket(host);
  }

  /** Nothing is sent to `host` before `time` (Retry-After): the whole host waits, not one request. */
  delayUntil(host: string, time: number): void {
    this.bucket(host).delayUntil(time);
  }

  /** A slower rate for one host (robots.txt Crawl-delay); never faster than the default. */
  slowDown(host: string, ratePerSecond: number): void {
    if (ratePerSecond > 0 && (this.ratePerSecond <= 0 || ratePerSecond < this.ratePerSecond)) {
      this.buckets.set(host, new TokenBucket(ratePerSecond, 1, this.clock));
    }
  }
}
