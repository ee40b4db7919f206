/**
 * N1 site reachable: a probe not answered within 15 s fails; failures ≥ 5 % of the probes over the
 * last 7 days are a veto, vendors warn from 3 %. `probe()` makes one such probe for the scheduler.
 */
import { Requester } from '../http.js';
import type { OutboundPolicy } from '../../../platform/http/outbound.js';
import { toInstant } from '../../../platform/http/dates.js';
import { defaultUserAgent } from '../crawler.js';
import { systemClock, type Check, type Finding, type ProbeRecord } from '../types.js';

export const probeTimeoutMs = 15_000;
export const availabilityWindowDays = 7;
export const availabilityVetoRate = 0.05;
export const availabilityWarnRate = 0.03;

/** One availability probe: GET, redirects followed, ok when the final status is below 400 within the deadline. */
export async function probe(
  url: string,
  opts: { timeoutMs?: number; userAgent?: string; now?: () => Date; outbound?: OutboundPolicy } = {},
): Promise<ProbeRecord> {
  const requester = new Requester({
    userAgent: opts.userAgent ?? defaultUserAgent,
    timeoutMs: opts.timeoutMs ?? probeTimeoutMs,
    maxBodyBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    maxRetries: 0,
    maxRetryAfterMs: 0,
    backoffMs: 0,
    requestsPerSecond: 0,
    burst: 1,
    clock: systemClock,
    outbound: opts.outbound,
  });
  const at = (opts.now ?? (() => new Date()))();
  try {
    const started = Date.now();
    const res = await requester.fetch(url);
    const elapsedMs = Date.now() - started;
    // A body cut at the cap still answered; a redirect chain shares the one deadline.
    const timeoutMs = opts.timeoutMs ?? probeTimeoutMs;
    const error =
      res.error && res.error.code !== 'body-too-large'
        ? res.error
        : elapsedMs > timeoutMs
          ? { code: 'timeout' as const, message: `${timeoutMs / 1000} 秒内未完成加载（含重定向）` }
          : undefined;
    const ok = !error && res.status !== null && res.status < 400;
    return {
      url,
      at: at.toISOString(),
      ok,
      status: res.status,
      elapsedMs,
      error: error?.message ?? (ok ? undefined : `HTTP ${res.status}`),
    };
  } finally {
    requester.close();
  }
}

export interface AvailabilityStats {
  total: number;
  failed: number;
  rate: number;
}

export function availability(probes: ProbeRecord[], now: Date, days = availabilityWindowDays): AvailabilityStats {
  const from = now.getTime() - days * 24 * 3600 * 1000;
  const inWindow = probes.filter((p) => {
    const t = toInstant(p.at)?.getTime();
    return t !== undefined && t > from && t <= now.getTime();
  });
  const failed = inWindow.filter((p) => !p.ok).length;
  return { total: inWindow.length, failed, rate: inWindow.length ? failed / inWindow.length : 0 };
}

export const n1Availability: Check = {
  id: 'N1',
  title: '网站可用性',
  run({ probes, now, baseUrl, crawl }) {
    const findings: Finding[] = [];
    // This run's own visit to the home page is a probe too: say so when it failed.
    const home = crawl.pages.find((p) => p.url === crawl.baseUrl);
    const homeError = home?.errors.find((e) => e.code !== 'body-too-large');
    if (home && (home.status === null || home.status >= 500 || homeError)) {
      findings.push({
        ruleId: 'N1',
        code: 'N1.home-failed',
        severity: 'warning',
        page: home.url,
        subject: 'home',
        evidence: `${home.url} → ${homeError?.message ?? `HTTP ${home.status}`}（${home.elapsedMs} 毫秒）`,
        message: '本次检查时首页无法正常访问',
        hint: '立即检查服务器和网络；首页 15 秒内打不开即计为一次不可用，一周内失败达到 5% 为单项否决。',
      });
    }
    if (!probes?.length) return findings;
    const { total, failed, rate } = availability(probes, now);
    if (!total || rate < availabilityWarnRate) return findings;
    const pct = (rate * 100).toFixed(1);
    const veto = rate >= availabilityVetoRate;
    const lastFailures = probes
      .filter((p) => !p.ok)
      .slice(-3)
      .map((p) => `${typeof p.at === 'string' ? p.at : p.at.toISOString()} ${p.error ?? ''}`.trim());
    const finding: Finding = {
      ruleId: 'N1',
      code: veto ? 'N1.unavailable' : 'N1.unstable',
      severity: veto ? 'veto' : 'warning',
      page: baseUrl,
      subject: 'probes',
      evidence: `近 ${availabilityWindowDays} 天探测 ${total} 次，失败 ${failed} 次（${pct}%）；最近失败：${lastFailures.join('；')}`,
      message: veto
        ? `近一周首页无法访问的比例达到 ${pct}%（≥5%），属于单项否决`
        : `近一周首页无法访问的比例为 ${pct}%（≥3%），接近 5% 的否决线`,
      hint: '检查服务器、网络线路和防护设备的运行记录，排除宕机、带宽不足或误拦截；必要时增加冗余或接入云防护，并持续观察探测结果。',
    };
    return [...findings, finding];
  },
};
