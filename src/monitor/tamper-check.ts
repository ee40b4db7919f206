/**
 * N9 防篡改核验 on our own site: the manifest the publisher wrote, the site's address, the robots, and
 * what was already alerted. Used by `gongkai verify`, the 5-minute probe (a rotating sample) and the
 * daily monitor run (every page).
 */
import fs from 'node:fs';
import { manifestFile, publishDirectory } from '../platform/config/env.js';
import { formatChinaTime } from '../platform/calendar/china-time.js';
import { type Context, jsonToStore, storedJson } from '../platform/db/prisma.js';
import { outboundPolicyFor } from '../platform/http/outbound-settings.js';
import { logger } from '../platform/logging/logger.js';
import { markdownPayloads, parseWebhooks, sendMarkdown, type SendResult } from '../platform/notify/robots.js';
import { parseManifest, type Manifest } from '../site/static/core/manifest.js';
import { baseUrl as siteBaseUrl } from '../site/data.js';
import { tamperAlertLines, type TamperFinding } from './core/tamper.js';
import { verifyPublishedSite, type VerifyRun } from './verify.js';

/** Pages the 5-minute probe checks each time, continuing where the last probe stopped. */
export const probeSampleSize = 20;

/** The manifest hash the latest publication recorded: the newest `SitePublication`'s `manifestHash`, or null before any. */
export async function recordedManifestHash(context: Context): Promise<string | null> {
  const latest = await context.sudo().prisma.sitePublication.findFirst({ orderBy: { at: 'desc' }, select: { manifestHash: true } });
  return latest?.manifestHash ?? null;
}

/** The manifest of the last publication, or null when nothing has been published as files yet. */
export function readManifest(file = manifestFile()): Manifest | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return parseManifest(text);
  } catch {
    throw new Error(`发布清单 ${file} 无法读取：文件已损坏或被改动，请运行 gongkai publish --all 重新发布`);
  }
}

/**
 * The bytes of a published URL rendered again from the database (the composition root passes the site's renderer):
 * the expected side of a difference when PUBLISH_DIR's own file was the one tampered with.
 */
export type ExpectedBytes = (url: string) => Promise<Buffer | null>;

interface Alerted {
  key: string;
  url: string;
}

export interface TamperCheck {
  result: VerifyRun;
  /** Findings not alerted before (the robots got these). */
  fresh: TamperFinding[];
  alertsSent: SendResult[];
}

/**
 * N9: checks the published site (all of it, or `sample` pages from where the last sample stopped),
 * alerts the robots at once about each finding not alerted before, and remembers what was alerted:
 * the same unchanged finding is not alerted again; once it is gone and comes back, it is.
 * Null when nothing has been published as files.
 */
export async function checkPublishedSite(
  context: Context,
  {
    now = new Date(),
    sample,
    baseUrl,
    expectedBytes,
  }: { now?: Date; sample?: number; baseUrl?: string; expectedBytes?: ExpectedBytes } = {},
): Promise<TamperCheck | null> {
  const manifest = readManifest();
  if (!manifest) return null;
  const prisma = context.sudo().prisma;
  const base = baseUrl ?? (await siteBaseUrl(context));
  const settings = await prisma.monitorSettings.findFirst();
  const policy = await outboundPolicyFor(context);
  const result = await verifyPublishedSite({
    baseUrl: base,
    manifest,
    publishDir: publishDirectory(),
    expectedBytes,
    sample: sample ? { offset: settings?.tamperSampleOffset ?? 0, size: sample } : undefined,
    recordedManifestHash: await recordedManifestHash(context),
    now: () => now,
    // Our own site is reached whatever its address (it may be on the intranet).
    outbound: policy.trustingOrigin(base),
  });
  const before = storedJson<Alerted[] | null>(settings?.tamperAlerted ?? null) ?? [];
  const known = new Set(before.map((a) => a.key));
  const fresh = result.findings.filter((f) => !known.has(f.key));
  const targets = parseWebhooks(settings?.webhooks ?? '');
  let alertsSent: SendResult[] = [];
  if (fresh.length && targets.length) {
    const site = (await prisma.siteSettings.findFirst())?.siteName ?? base;
    const { title, lines } = tamperAlertLines(site, fresh, (iso) => formatChinaTime(new Date(iso)));
    alertsSent = await sendMarkdown(markdownPayloads(title, lines), targets, { outbound: policy });
    for (const failure of alertsSent.filter((s) => !s.ok))
      logger.warn({ target: failure.url, error: failure.error }, 'tamper alert not delivered');
  }
  // Not delivered anywhere: not remembered, so the next check tries again.
  const delivered = !fresh.length || !targets.length || alertsSent.some((s) => s.ok);
  const checked = new Set([...result.checkedUrls, '/']);
  const alerted: Alerted[] = [
    // A sample leaves the other pages' findings as they were.
    ...(sample ? before.filter((a) => !checked.has(a.url)) : []),
    ...result.findings.filter((f) => known.has(f.key) || delivered).map((f) => ({ key: f.key, url: f.url })),
  ];
  const data = { tamperAlerted: jsonToStore(alerted), ...(sample ? { tamperSampleOffset: result.nextOffset } : {}) };
  if (settings) await prisma.monitorSettings.update({ where: { id: settings.id }, data });
  else await prisma.monitorSettings.create({ data: { id: 1, ...data } });
  return { result, fresh, alertsSent };
}
