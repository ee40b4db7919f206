import {
  buildAlert,
  compareRuns,
  monitorSite,
  probe,
  sendAlert,
  summarize,
  withTamper,
  type MonitorReport,
  type ProbeRecord,
  type RulesOverrides,
} from './core/index.js';
import { baseUrl as siteBaseUrl } from '../site/data.js';
import { logger } from '../platform/logging/logger.js';
import { outboundPolicyFor } from '../platform/http/outbound-settings.js';
import { parseWebhooks } from '../platform/notify/robots.js';
import { ownSiteKnowledge } from './knowledge.js';
import { loadContentGate } from '../workflow/content-gate-store.js';
import { type Context, type PrismaClient, storedJson } from '../platform/db/prisma.js';
import { checkPublishedSite, probeSampleSize, type ExpectedBytes, type TamperCheck } from './tamper-check.js';

const weekMs = 7 * 24 * 3600 * 1000;
// Until the section sets its own (监测设置): the home page, the disclosure section and search.
export const defaultProbePaths = '/\n/columns/zfxxgk\n/search';
const keepProbesMs = 5 * weekMs;

interface Settings {
  dailyRun: boolean;
  probePaths: string;
  maxPages: number;
  webhooks: string;
  checkExternalLinks: boolean;
  rules: RulesOverrides | null;
}

async function settingsOf(prisma: PrismaClient): Promise<Settings> {
  const stored = await prisma.monitorSettings.findFirst();
  return {
    dailyRun: stored?.dailyRun ?? true,
    probePaths: stored?.probePaths ?? defaultProbePaths,
    maxPages: stored?.maxPages ?? 2000,
    webhooks: stored?.webhooks ?? '',
    checkExternalLinks: stored?.checkExternalLinks ?? true,
    rules: storedJson<RulesOverrides | null>(stored?.rules ?? null),
  };
}

/**
 * The tamper check of a job: its failure (an unreadable manifest) is logged and leaves the rest of the
 * job's work done.
 */
async function tamperCheckOf(context: Context, now: Date, sample?: number, expectedBytes?: ExpectedBytes): Promise<TamperCheck | null> {
  try {
    return await checkPublishedSite(context, { now, sample, expectedBytes });
  } catch (error) {
    logger.error({ err: error }, 'tamper check failed');
    return null;
  }
}

/**
 * N1: probes the configured pages of our own site and keeps five weeks of probes. N9: checks the next
 * few published pages against the manifest (a rotating sample: every page in turn, 20 every 5 minutes).
 */
export async function recordProbes(
  context: Context,
  now = new Date(),
  /** The site's renderer (from the composition root): the expected text when a published file itself was changed. */
  expectedBytes?: ExpectedBytes,
): Promise<{ probed: number; failed: number; tamperChecked: number; tamperFindings: number }> {
  const prisma = context.sudo().prisma;
  const base = await siteBaseUrl(context);
  const paths = (await settingsOf(prisma)).probePaths
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.startsWith('/'));
  // Our own address is reached whatever it is (it may be on the intranet); a redirect elsewhere is checked.
  const outbound = (await outboundPolicyFor(context)).trustingOrigin(base);
  const probes = await Promise.all(paths.map((p) => probe(`${base}${p}`, { outbound })));
  for (const p of probes)
    await prisma.monitorProbe.create({
      data: {
        url: p.url,
        at: new Date(p.at),
        ok: p.ok,
        status: p.status ?? null,
        elapsedMs: Math.round(p.elapsedMs ?? 0),
        error: p.error ?? '',
      },
    });
  await prisma.monitorProbe.deleteMany({ where: { at: { lt: new Date(now.getTime() - keepProbesMs) } } });
  const tamper = await tamperCheckOf(context, now, probeSampleSize, expectedBytes);
  return {
    probed: probes.length,
    failed: probes.filter((p) => !p.ok).length,
    tamperChecked: tamper?.result.pagesChecked ?? 0,
    tamperFindings: tamper?.result.findings.length ?? 0,
  };
}

/**
 * The daily run on our own site (S8): crawl and check with full knowledge of the CMS, store the report
 * with its comparison to the previous run, and alert the configured robots at once on a veto or a new
 * security finding.
 */
export async function runOwnSiteMonitor(
  context: Context,
  {
    now = new Date(),
    force = false,
    checkExternal,
    onProgress,
    expectedBytes,
  }: {
    now?: Date;
    force?: boolean;
    checkExternal?: boolean;
    onProgress?: (p: { phase: string; done: number; total: number }) => void;
    /** The site's renderer (from the composition root): the expected text when a published file itself was changed. */
    expectedBytes?: ExpectedBytes;
  } = {},
) {
  const prisma = context.sudo().prisma;
  const settings = await settingsOf(prisma);
  if (!settings.dailyRun && !force) return null;
  const base = await siteBaseUrl(context);
  const siteName = (await prisma.siteSettings.findFirst())?.siteName ?? undefined;
  const probes = (await prisma.monitorProbe.findMany({ where: { at: { gte: new Date(now.getTime() - weekMs) } } })) as ProbeRecord[];
  const crawled = await monitorSite({
    baseUrl: `${base}/`,
    siteName,
    knowledge: await ownSiteKnowledge(context),
    probeHistory: probes,
    // N7/N19: our pages against the office's own dictionary (规范表述词库), as submissions are.
    rules: { ...settings.rules, contentGate: (await loadContentGate(prisma)).entries },
    now: () => now,
    onProgress,
    // Our own server: no need for the politeness owed to someone else's. Its address is reached whatever
    // it is (the section configures it as it configures the allow-list); outbound links are checked (#10).
    crawl: {
      maxPages: settings.maxPages,
      concurrency: 4,
      requestsPerSecond: 50,
      burst: 10,
      external: { enabled: checkExternal ?? settings.checkExternalLinks },
      outbound: (await outboundPolicyFor(context)).trustingOrigin(base),
    },
  });
  // N9: every published page against the manifest, a section of the report; its alerts go out at once
  // from the check itself, once per finding, so they are left out of the run's alert below.
  const tamper = await tamperCheckOf(context, now, undefined, expectedBytes);
  const report = tamper ? withTamper(crawled, tamper.result) : crawled;
  const previous = await prisma.monitorRun.findFirst({ where: { ownSite: true }, orderBy: { finishedAt: 'desc' } });
  const previousReport = (previous?.report ?? undefined) as MonitorReport | undefined;
  const comparison = compareRuns(previousReport, report);
  const alert = buildAlert({ ...report, findings: report.findings.filter((f) => !f.code.startsWith('N9.tamper-')) }, previousReport);
  const targets = parseWebhooks(settings.webhooks);
  const sent = [
    ...(alert && targets.length ? await sendAlert(alert, targets, { outbound: await outboundPolicyFor(context) }) : []),
    ...(tamper?.alertsSent ?? []),
  ];
  const run = await prisma.monitorRun.create({
    data: {
      title: `${siteName ?? base} ${report.finishedAt.slice(0, 16).replace('T', ' ')} 监测`,
      siteUrl: base,
      ownSite: true,
      startedAt: new Date(report.startedAt),
      finishedAt: new Date(report.finishedAt),
      passed: report.score.passed,
      score: report.score.score,
      vetoCount: report.score.vetoes.length,
      findingCount: report.findings.length,
      newCount: comparison.new.length,
      fixedCount: comparison.fixed.length,
      pagesCrawled: report.pagesCrawled,
      alertsSent: sent.map((s) => `${s.kind}：${s.ok ? '已发送' : `失败（${s.error ?? s.status}）`}`).join('；'),
      report: report as unknown as object,
      summary: summarize(report) as unknown as object,
    },
  });
  if (report.homeProbe) {
    const p = report.homeProbe;
    await prisma.monitorProbe.create({
      data: {
        url: p.url,
        at: new Date(p.at),
        ok: p.ok,
        status: p.status ?? null,
        elapsedMs: Math.round(p.elapsedMs ?? 0),
        error: p.error ?? '',
      },
    });
  }
  for (const failure of sent.filter((s) => !s.ok))
    logger.warn({ target: failure.url, error: failure.error }, 'monitor alert not delivered');
  return { id: run.id as string, report, comparison, alertsSent: sent };
}
