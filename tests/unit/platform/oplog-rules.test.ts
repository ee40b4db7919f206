import { describe, expect, test } from '@jest/globals';
import { addressAllowed, parseAdminAllowList } from '../../../src/platform/oplog/allow-list.js';
import {
  defaultRetentionDays,
  expiredLogFiles,
  firstKeptDay,
  retentionCutoff,
  retentionDays,
} from '../../../src/platform/oplog/retention.js';
import { formatCombined, parseCombined, timeLocal } from '../../../src/platform/oplog/combined-log.js';

describe('N20 admin allow-list (GONGKAI_ADMIN_ALLOW)', () => {
  const { list, problems } = parseAdminAllowList('10.20.0.0/16, 192.168.1.5\n# 运维终端\nfd00::/8  ::ffff:172.16.0.0/108');

  test('N20: an address inside a listed range or equal to a listed address is allowed, another refused', () => {
    expect(problems).toEqual([]);
    for (const allowed of ['10.20.3.4', '192.168.1.5', '::ffff:10.20.0.1', 'fd12::1', '172.16.9.9'])
      expect([allowed, addressAllowed(list, allowed)]).toEqual([allowed, true]);
    for (const refused of ['10.21.0.1', '192.168.1.6', '8.8.8.8', 'fe80::1', '', 'not-an-address'])
      expect([refused, addressAllowed(list, refused)]).toEqual([refused, false]);
  });

  test('N20: no list allows every address; a bad entry is named in Chinese', () => {
    expect(addressAllowed(parseAdminAllowList(undefined).list, '203.0.113.9')).toBe(true);
    expect(addressAllowed(parseAdminAllowList('  # 注释\n').list, '203.0.113.9')).toBe(true);
    expect(parseAdminAllowList('10.0.0.0/33, intranet, 10.1.2.3').problems).toEqual([
      'GONGKAI_ADMIN_ALLOW 中的“10.0.0.0/33”不是 IP 地址或 CIDR 网段（例如 10.1.2.3、10.20.0.0/16、fd00::/8）',
      'GONGKAI_ADMIN_ALLOW 中的“intranet”不是 IP 地址或 CIDR 网段（例如 10.1.2.3、10.20.0.0/16、fd00::/8）',
    ]);
  });
});

describe('N20 log retention', () => {
  // 2026-11-24 10:00 China time.
  const now = new Date('2026-11-24T02:00:00Z');

  test('N20: the retention is 400 days by default and never under a year', () => {
    expect(retentionDays({})).toBe(defaultRetentionDays);
    expect(retentionDays({ GONGKAI_LOG_RETENTION_DAYS: '730' })).toBe(730);
    expect(() => retentionDays({ GONGKAI_LOG_RETENTION_DAYS: '30' })).toThrow('日志至少保存一年');
    expect(() => retentionDays({ GONGKAI_LOG_RETENTION_DAYS: '四百' })).toThrow('GONGKAI_LOG_RETENTION_DAYS=四百 无效');
  });

  test('N20: the boundary is the start of the China day 400 days back: that day is kept, the day before it deleted', () => {
    expect(firstKeptDay(now, 400)).toBe('2025-10-20');
    expect(retentionCutoff(now, 400).toISOString()).toBe('2025-10-19T16:00:00.000Z');
    // 00:30 China time is still the previous UTC day: the China day counts.
    expect(firstKeptDay(new Date('2026-11-23T16:30:00Z'), 400)).toBe('2025-10-20');
    expect(
      expiredLogFiles(
        [
          'access-2025-10-19.log.gz',
          'access-2025-10-20.log.gz',
          'operations-2025-10-19.jsonl.gz',
          'operations-2025-10-20.jsonl.gz',
          'access.log',
          'notes-2020-01-01.txt',
        ],
        now,
        400,
      ),
    ).toEqual(['access-2025-10-19.log.gz', 'operations-2025-10-19.jsonl.gz']);
  });
});

describe('the access log in nginx combined format', () => {
  test('a line reads back as written, Chinese in the address escaped as nginx escapes it', () => {
    const entry = {
      address: '203.0.113.9',
      user: '',
      at: new Date('2026-11-24T02:03:04Z'),
      method: 'GET',
      target: '/search?q=低保',
      protocol: 'HTTP/1.1',
      status: 200,
      bytes: 5120,
      referer: 'http://mzj.lincang.gov.cn/',
      userAgent: 'Mozilla/5.0 "test"',
    };
    const line = formatCombined(entry);
    expect(line).toBe(
      '203.0.113.9 - - [24/Nov/2026:10:03:04 +0800] "GET /search?q=\\xE4\\xBD\\x8E\\xE4\\xBF\\x9D HTTP/1.1" 200 5120 "http://mzj.lincang.gov.cn/" "Mozilla/5.0 \\x22test\\x22"',
    );
    expect(parseCombined(line)).toEqual(entry);
    expect(timeLocal(new Date('2026-12-31T16:00:00Z'))).toBe('01/Jan/2027:00:00:00 +0800');
  });

  test('a line written by nginx is read', () => {
    const e = parseCombined('10.1.2.3 - - [23/Nov/2026:23:59:59 +0800] "GET /documents/abc HTTP/2.0" 304 0 "-" "curl/8.5.0"');
    expect(e).toMatchObject({
      address: '10.1.2.3',
      method: 'GET',
      target: '/documents/abc',
      status: 304,
      referer: '',
      userAgent: 'curl/8.5.0',
    });
    expect(e!.at.toISOString()).toBe('2026-11-23T15:59:59.000Z');
    expect(parseCombined('garbage')).toBeNull();
  });
});
