import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestsInFlight, type RequestsInFlight } from '../../../src/platform/http/requests-in-flight.js';

/*
 * The server's rounds over the whole site render a page only when the server answers no request (or after a short
 * wait): the count must follow the requests as they come and go, and a wait must end even if they never stop.
 */

let server: http.Server;
let requests: RequestsInFlight;
let url = '';
const held: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/slow') held.push(res);
    else res.end('ok');
  });
  requests = requestsInFlight(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 30));
  return done;
};

describe('requests in flight', () => {
  test('idle at once when none is answered; after the last answer when some are; never later than the wait', async () => {
    expect(requests.count).toBe(0);
    expect(await settled(requests.idle(10_000))).toBe(true);

    const first = fetch(`${url}/slow`);
    const second = fetch(`${url}/slow`);
    while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(requests.count).toBe(2);
    const idle = requests.idle(10_000);
    expect(await settled(idle)).toBe(false);
    held.shift()!.end('one');
    await (await first).text();
    expect(await settled(idle)).toBe(false);
    expect(requests.count).toBe(1);

    // A request that never ends does not hold the waiting work for longer than its wait.
    const started = performance.now();
    await requests.idle(100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect(performance.now() - started).toBeLessThan(5_000);

    held.shift()!.end('two');
    await (await second).text();
    await idle;
    expect(requests.count).toBe(0);
    expect(await (await fetch(`${url}/fast`)).text()).toBe('ok');
    expect(requests.count).toBe(0);
  });
});
