/**
 * A per-host concurrency limit: at most `perHost` requests in flight to one host, the rest wait in order.
 * Small on purpose (government sites are slow and sit behind firewalls that ban eager clients).
 */
export class HostLimiter {
  private readonly slots = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(readonly perHost: number) {
    if (!Number.isInteger(perHost) || perHost < 1) throw new RangeError('perHost must be a positive integer');
  }

  /** Waits for a slot on `host`; call the returned function exactly once to give it back. */
  async acquire(host: string): Promise<() => void> {
    let slot = this.slots.get(host);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.slots.set(host, slot);
    }
    const mine = slot;
    if (mine.active < this.perHost) mine.active++;
    // The releasing request hands its slot over directly, so `active` stays unchanged.
    else await new Promise<void>((resolve) => mine.waiting.push(resolve));

    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = mine.waiting.shift();
      if (next) next();
      else if (--mine.active === 0) this.slots.delete(host);
    };
  }

  /** Requests in flight to `host` (for tests and diagnostics). */
  active(host: string): number {
    return this.slots.get(host)?.active ?? 0;
  }
}
