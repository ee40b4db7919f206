import type { DatabaseContext } from '../db/prisma.js';
import { OutboundPolicy } from './outbound.js';

/**
 * The outbound policy of the CMS now: the intranet allow-list of 网站设置 (内网访问白名单) merged with
 * `GONGKAI_OUTBOUND_ALLOW`. Read at the start of each run, so an edit of the setting holds from the next one.
 */
export async function outboundPolicyFor(context: DatabaseContext): Promise<OutboundPolicy> {
  const settings = await context.sudo().prisma.siteSettings.findFirst({ select: { outboundAllowList: true } });
  // The setting was validated when it was saved; the environment is checked by fromEnv.
  return OutboundPolicy.fromEnv().with(settings?.outboundAllowList ?? '');
}
