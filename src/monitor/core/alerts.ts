/**
 * Alerts for S8: a veto, or a security finding (N9) not seen in the previous run, goes to the
 * configured WeCom (企业微信群机器人) and DingTalk (钉钉自定义机器人) webhooks as markdown. Sending
 * never throws: each target's outcome comes back, with the webhook key masked. A robot's address is
 * typed in by staff: it goes through the outbound check like every other request (issue 14 #10), and a
 * redirect is not followed.
 */
import { createHmac } from 'node:crypto';
import axios from 'axios';
import { OutboundAgents, OutboundPolicy, outboundRefusalOf, refusalMessage } from '../../platform/http/outbound.js';
import { formatChinaTime } from '../../platform/calendar/china-time.js';
import { compareRuns, severityLabels } from './report.js';
import type { KeyedFinding, MonitorReport } from './types.js';

export interface Alert {
  title: string;
  site: string;
  finishedAt: string;
  passed: boolean;
  score: number;
  reasons: string[];
  findings: KeyedFinding[];
}

export interface AlertSelection {
  /** Also alert vetoes already open in the previous run (a daily reminder). Default false. */
  includeOpenVetoes?: boolean;
}

/** The alert for a run, or undefined when nothing warrants one. Without a previous run everything is new. */
export function buildAlert(current: MonitorReport, previous?: MonitorReport, opts: AlertSelection = {}): Alert | undefined {
  const { new: fresh, open } = compareRuns(previous, current);
  const findings = [
    ...fresh.filter((f) => f.severity === 'veto' || f.ruleId === 'N9'),
    ...(opts.includeOpenVetoes ? open.filter((f) => f.severity === 'veto') : []),
  ];
  if (!findings.length) return undefined;
  const site = current.site.name ?? current.site.baseUrl;
  return {
    title: `网站监测告警：${site}`,
    site,
    finishedAt: current.finishedAt,
    passed: current.score.passed,
    score: current.score.score,
    reasons: current.score.reasons,
    findings,
  };
}


/** Cut a UTF-8 string to a byte budget without splitting a character. */
function fitBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = text;
  while (Buffer.byteLength(out) > max - 30) out = out.slice(0, Math.floor(out.length * 0.9));
  return `${out}\n\n……（内容过长，已截断）`;
}

function markdownLines(alert: Alert, wecom: boolean): string[] {
  const red = (s: string) => (wecom ? `<font color="warning">${s}</font>` : s);
  const lines = [
    `## ${alert.title}`,
    `> 结果：**${red(alert.passed ? '合格' : '不合格')}**，得分 ${alert.score} 分`,
    ...alert.reasons.map((r) => `> ${r}`),
    `> 检查时间：${formatChinaTime(new Date(alert.finishedAt))}`,
    '',
    `**需要立即处理的问题（${alert.findings.length} 项）**`,
  ];
  for (const f of alert.findings.slice(0, 20)) {
    lines.push(`- [${f.ruleId} ${severityLabels[f.severity]}] ${f.message}${f.page ? `\n  页面：${f.page}${f.pages ? ` 等 ${f.pages.count} 个` : ''}` : ''}`);
  }
  if (alert.findings.length > 20) lines.push(`- ……另有 ${alert.findings.length - 20} 项，详见监测报告`);
  return lines;
}

/** 企业微信群机器人 markdown message (content ≤ 4096 bytes). */
export function buildWeComPayload(alert: Alert): { msgtype: 'markdown'; markdown: { content: string } } {
  return { msgtype: 'markdown', markdown: { content: fitBytes(markdownLines(alert, true).join('\n'), 4096) } };
}

/** 钉钉自定义机器人 markdown message. */
export function buildDingTalkPayload(alert: Alert): { msgtype: 'markdown'; markdown: { title: string; text: string } } {
  return { msgtype: 'markdown', markdown: { title: alert.title, text: fitBytes(markdownLines(alert, false).join('\n\n'), 18_000) } };
}

export interface AlertTarget {
  kind: 'wecom' | 'dingtalk';
  url: string;
  /** DingTalk 加签 secret (SEC…), when the robot uses signing. */
  secret?: string;
}

export interface SendResult {
  kind: AlertTarget['kind'];
  /** The webhook URL with its key/token masked. */
  url: string;
  ok: boolean;
  status?: number;
  error?: string;
}

export function maskWebhook(url: string): string {
  return url.replace(/([?&](?:key|access_token|sign)=)[^&]+/gi, '$1***');
}

/** DingTalk signing: timestamp and HMAC-SHA256 of "timestamp\nsecret", base64. */
export function signDingTalk(url: string, secret: string, now = Date.now()): string {
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
}

/** Send an alert to every target; never throws. */
export interface SendOptions {
  timeoutMs?: number;
  /** Which addresses may be reached; default: public ones and `GONGKAI_OUTBOUND_ALLOW`. */
  outbound?: OutboundPolicy;
}

export function sendAlert(alert: Alert, targets: AlertTarget[], opts: SendOptions = {}): Promise<SendResult[]> {
  return sendMarkdown({ wecom: buildWeComPayload(alert), dingtalk: buildDingTalkPayload(alert) }, targets, opts);
}

/**
 * A markdown message of any capability (title and lines, the first line a heading) as the payloads of
 * both robots, each within its size limit.
 */
export function markdownPayloads(title: string, lines: string[]): MarkdownPayloads {
  return {
    wecom: { msgtype: 'markdown', markdown: { content: fitBytes(lines.join('\n'), 4096) } },
    dingtalk: { msgtype: 'markdown', markdown: { title, text: fitBytes(lines.join('\n\n'), 18_000) } },
  };
}

export interface MarkdownPayloads {
  wecom: ReturnType<typeof buildWeComPayload>;
  dingtalk: ReturnType<typeof buildDingTalkPayload>;
}

/** Send prepared payloads to every target; never throws. */
export async function sendMarkdown(payloads: MarkdownPayloads, targets: AlertTarget[], opts: SendOptions = {}): Promise<SendResult[]> {
  const agents = new OutboundAgents(opts.outbound ?? OutboundPolicy.fromEnv());
  try {
    return await sendThrough(agents, payloads, targets, opts);
  } finally {
    agents.destroy();
  }
}

function sendThrough(agents: OutboundAgents, payloads: MarkdownPayloads, targets: AlertTarget[], opts: SendOptions): Promise<SendResult[]> {
  return Promise.all(
    targets.map(async (target): Promise<SendResult> => {
      const masked = maskWebhook(target.url);
      const payload = payloads[target.kind];
      const url = target.kind === 'dingtalk' && target.secret ? signDingTalk(target.url, target.secret) : target.url;
      try {
        const through = agents.for(url);
        const res = await axios.post(url, payload, {
          timeout: opts.timeoutMs ?? 10_000, validateStatus: () => true, headers: { 'content-type': 'application/json' },
          httpAgent: through.http, httpsAgent: through.https, maxRedirects: 0, proxy: false,
        });
        const body = res.data as { errcode?: number; errmsg?: string } | undefined;
        // A redirect is not followed: the robot did not take the message.
        if (res.status >= 300) return { kind: target.kind, url: masked, ok: false, status: res.status, error: `HTTP ${res.status}` };
        // Both robots answer 200 with errcode ≠ 0 when they refuse (bad key, rate limit, keyword filter).
        if (body && typeof body === 'object' && typeof body.errcode === 'number' && body.errcode !== 0) {
          return { kind: target.kind, url: masked, ok: false, status: res.status, error: `errcode ${body.errcode}: ${body.errmsg ?? ''}`.trim() };
        }
        return { kind: target.kind, url: masked, ok: true, status: res.status };
      } catch (err) {
        const refusal = outboundRefusalOf(err);
        if (refusal) return { kind: target.kind, url: masked, ok: false, error: refusalMessage(masked, refusal) };
        const e = err as { code?: string; message?: string };
        return { kind: target.kind, url: masked, ok: false, error: `${e.code ?? ''} ${e.message ?? String(err)}`.trim() };
      }
    }),
  );
}
