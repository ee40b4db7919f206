import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  allowListProblems,
  OutboundAgents,
  OutboundConfigError,
  OutboundPolicy,
  outboundRefusalOf,
} from '../../../src/platform/http/outbound.js';

// A service on this machine standing for the database port or the product's own GraphQL.
let server: http.Server;
let port = 0;
let hits = 0;
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    hits++;
    res.end('secret');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** GET through the policy's agents: the body, or the refusal. */
function get(url: string, policy: OutboundPolicy): Promise<{ body?: string; refused?: string }> {
  const agents = new OutboundAgents(policy);
  return new Promise((resolve) => {
    const req = http.get(url, { agent: agents.agentFor(url) }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ body }));
    });
    req.on('error', (error) => {
      const refusal = outboundRefusalOf(error);
      resolve(refusal ? { refused: refusal.address } : { body: `error ${error.message}` });
    });
  }).finally(() => agents.destroy()) as Promise<{ body?: string; refused?: string }>;
}

describe('trust #10: outbound requests refuse non-public addresses at connect time', () => {
  test('trust #10: loopback by address, by name (after DNS) and as IPv4-mapped IPv6 is refused without an allow-list', async () => {
    const before = hits;
    expect(await get(`http://127.0.0.1:${port}/`, OutboundPolicy.none)).toEqual({ refused: '127.0.0.1' });
    expect((await get(`http://localhost:${port}/`, OutboundPolicy.none)).refused).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect((await get(`http://[::ffff:127.0.0.1]:${port}/`, OutboundPolicy.none)).refused).toMatch(/^::ffff:/);
    expect(hits).toBe(before);
  });

  test('trust #10: private, link-local, CGNAT, unique-local and metadata addresses are refused', async () => {
    for (const address of [
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.100.100.200',
      '100.64.0.1',
      '0.0.0.0',
      '[fd00::1]',
      '[fe80::1]',
      '[::1]',
    ]) {
      expect((await get(`http://${address}:${port}/`, OutboundPolicy.none)).refused).toBeDefined();
    }
  });

  test('trust #10: the allow-list lets through what it names: an address, a range, a host name; nothing else', async () => {
    expect(await get(`http://127.0.0.1:${port}/`, OutboundPolicy.parse('127.0.0.1'))).toEqual({ body: 'secret' });
    expect(await get(`http://127.0.0.1:${port}/`, OutboundPolicy.parse('127.0.0.0/8\nfd00::/8'))).toEqual({ body: 'secret' });
    expect(await get(`http://localhost:${port}/`, OutboundPolicy.parse('localhost'))).toEqual({ body: 'secret' });
    // IPv4 rules cover the IPv4-mapped form of their addresses.
    expect(await get(`http://[::ffff:127.0.0.1]:${port}/`, OutboundPolicy.parse('127.0.0.1'))).toEqual({ body: 'secret' });
    // A range never opens a metadata address; only that exact address does.
    expect((await get('http://169.254.169.254/', OutboundPolicy.parse('169.254.0.0/16'))).refused).toBe('169.254.169.254');
    expect(OutboundPolicy.parse('169.254.169.254').allowsAddress('169.254.169.254')).toBe(true);
    expect(OutboundPolicy.parse('100.64.0.0/10').allowsAddress('100.100.100.200')).toBe(false);
    expect((await get(`http://127.0.0.1:${port}/`, OutboundPolicy.parse('10.0.0.0/8, oa.example.gov.cn'))).refused).toBe('127.0.0.1');
  });

  test("trust #10: the monitor's own origin is trusted, not its host's other ports", async () => {
    const own = OutboundPolicy.none.trustingOrigin(`http://127.0.0.1:${port}/`);
    expect(await get(`http://127.0.0.1:${port}/x`, own)).toEqual({ body: 'secret' });
    expect((await get(`http://127.0.0.1:${port + 1}/`, own)).refused).toBe('127.0.0.1');
    // Not even a trusted origin or host name reaches a cloud metadata address (unless it is listed exactly).
    expect(
      (await get('http://169.254.169.254/latest/meta-data/', OutboundPolicy.none.trustingOrigin('http://169.254.169.254/'))).refused,
    ).toBe('169.254.169.254');
    expect(
      (await get('http://[::ffff:169.254.169.254]/', OutboundPolicy.parse('*.internal').trustingOrigin('http://[::ffff:169.254.169.254]/')))
        .refused,
    ).toBeDefined();
  });

  test('trust #10: a URL typed into a form is refused when it names a non-public address or localhost', () => {
    for (const url of [
      'http://127.0.0.1:5432/',
      'http://localhost/graphql',
      'http://api.localhost/',
      'http://169.254.169.254/latest',
      'http://[::1]/',
      'http://10.0.0.8/list',
      'http://[::ffff:10.0.0.8]/',
    ]) {
      expect(OutboundPolicy.none.literalRefusal(url)).toContain('内网访问白名单');
    }
    for (const url of ['https://www.gov.cn/zhengce/', 'http://114.114.114.114/', 'not a url'])
      expect(OutboundPolicy.none.literalRefusal(url)).toBeUndefined();
    expect(OutboundPolicy.parse('10.0.0.0/8').literalRefusal('http://10.0.0.8/list')).toBeUndefined();
    expect(OutboundPolicy.parse('*.intranet.gov.cn').literalRefusal('http://oa.intranet.gov.cn/')).toBeUndefined();
  });

  test('trust #10: a bad allow-list entry is refused with a Chinese message naming it; comments and separators are read', () => {
    expect(allowListProblems('10.0.0.0/8\n# 市政务外网\n192.168.0.0/16, oa.example.gov.cn；*.intranet.gov.cn')).toEqual([]);
    const [problem] = allowListProblems('10.0.0.0/33\nhttp://oa\n1.2.3');
    expect(problem).toContain('“10.0.0.0/33”不是有效的网段');
    expect(problem).toContain('“http://oa”不是有效的 IP 地址、网段或域名');
    expect(problem).toContain('“1.2.3”');
    expect(() => OutboundPolicy.parse('300.1.1.1')).toThrow(OutboundConfigError);
    expect(() => OutboundPolicy.fromEnv({ GONGKAI_OUTBOUND_ALLOW: 'nonsense!' })).toThrow(/GONGKAI_OUTBOUND_ALLOW/);
    expect(OutboundPolicy.fromEnv({ GONGKAI_OUTBOUND_ALLOW: '10.0.0.0/8' }).allowsAddress('10.9.9.9')).toBe(true);
    expect(OutboundPolicy.fromEnv({}).entries).toEqual([]);
  });
});
