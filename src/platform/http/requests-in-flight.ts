import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface RequestsInFlight {
  /** How many requests the server is answering now. */
  readonly count: number;
  /** Settles when the server answers no request, or after `maxWaitMs` (work that waits is never starved). */
  idle(maxWaitMs: number): Promise<void>;
}

/**
 * Counts the requests a server is answering, so that work no one waits on (the publisher's rounds over the whole
 * site) lets them go first: they share the process's one thread, and a request waits behind every render in flight.
 */
export function requestsInFlight(server: Server): RequestsInFlight {
  let count = 0;
  let waiting: (() => void)[] = [];
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    count++;
    res.once('close', () => {
      if (--count > 0) return;
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve();
    });
  });
  return {
    get count() {
      return count;
    },
    idle(maxWaitMs) {
      if (count === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(settle, maxWaitMs);
        function settle() {
          clearTimeout(timer);
          waiting = waiting.filter((w) => w !== settle);
          resolve();
        }
        waiting.push(settle);
      });
    },
  };
}
