import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { monitorSite } from '../../../src/monitor/core/index.js';
import type { MonitorReport, ProbeRecord } from '../../../src/monitor/core/index.js';
import { NOW, serve, virtualClock, type Served } from '../../helpers/monitor-fixtures.js';
import { externalSite, healthyKnowledge, healthySite } from '../../helpers/monitor-sites.js';
import { loopbackAllowed } from '../../helpers/outbound.js';

let site: Served;
let external: Served;

beforeAll(async () => {
  external = await serve(externalSite(), '127.0.0.2');
  site = await serve(healthySite(external.origin));
});
afterAll(async () => {
  await site.close();
  await external.close();
});

const probes: ProbeRecord[] = Array.from({ length: 7 * 24 }, (_, i) => ({
  url: 'x',
  at: new Date(NOW.getTime() - i * 3600_000).toISOString(),
  ok: true,
}));

describe('S8 monitoring of a healthy site', () => {
  let report: MonitorReport;
  beforeAll(async () => {
    report = await monitorSite({
      baseUrl: site.url,
      siteName: '临沧市民政局',
      now: () => NOW,
      clock: virtualClock(),
      probeHistory: probes,
      crawl: { outbound: loopbackAllowed, cloaking: { maxPages: 100 } },
    });
  });

  test('every page of the healthy site is crawled', () => {
    expect(report.pagesCrawled).toBe(1 + 5 + 15 + 1);
    expect(report.stats.externalChecked).toBe(2);
    expect(report.stats.cloakChecked).toBe(22);
  });

  test('no rule fires on the healthy site: no veto, deduction or warning', () => {
    expect(report.findings.map((f) => `${f.key} ${f.message} ${f.evidence}`)).toEqual([]);
    expect(report.score).toMatchObject({ score: 100, passed: true, reasons: [] });
    expect(report.notes).toEqual([]);
  });

  test('no rule fires with the CMS knowledge of the healthy site either', async () => {
    const withKnowledge = await monitorSite({
      crawl: { outbound: loopbackAllowed },
      baseUrl: site.url,
      now: () => NOW,
      clock: virtualClock(),
      knowledge: healthyKnowledge(),
      probeHistory: probes,
    });
    expect(withKnowledge.findings.map((f) => `${f.key} ${f.message}`)).toEqual([]);
    expect(withKnowledge.homeProbe).toMatchObject({ ok: true, status: 200 });
  });

  test('progress is reported for each phase', async () => {
    const phases = new Set<string>();
    await monitorSite({
      crawl: { outbound: loopbackAllowed },
      baseUrl: site.url,
      now: () => NOW,
      clock: virtualClock(),
      onProgress: (p) => phases.add(p.phase),
    });
    expect([...phases]).toEqual(expect.arrayContaining(['robots', 'crawl', 'cloaking', 'external', 'done', 'checks']));
  });
});
