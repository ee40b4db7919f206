/** Concurrency and rate limits of the crawler. */
import type { Clock } from './types.js';

/** A counting semaphore: at most `max` holders at once. */
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
 * A token bucket per host: `ratePerSecond` requests on average, bursts up to `burst`. Slots are
 * reserved synchronously (theoretical arrival time), so concurrent callers are spaced correctly.
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

/** One bucket per host. */
export class HostBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {}
  for(host: string): TokenBucket {
    let bucket = this.buckets.get(host);
    if (!bucket) {
      bucket = new TokenBucket(this.ratePerSecond, this.burst, this.clock);
      this.buckets.set(host, bucket);
    }
    return bucket;
  }
  /** A slower rate for one host (robots.txt Crawl-delay); never faster than the default. */
  slowDown(host: string, ratePerSecond: number): void {
    if (ratePerSecond > 0 && (this.ratePerSecond <= 0 || ratePerSecond < this.ratePerSecond)) {
      this.buckets.set(host, new TokenBucket(ratePerSecond, 1, this.clock));
    }
  }
}
