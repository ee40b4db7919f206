/**
 * Alerts for S8: a veto, or a security finding (N9) not seen in the previous run, goes to the
 * configured WeCom (企业微信群机器人) and DingTalk (钉钉自定义机器人) webhooks as markdown. Sending
 * never throws: each target's outcome comes back, with the webhook key masked. A robot's address is
 * typed in by staff: it goes through the outbound check like every other request (issue 14 #10), and a
 * redirect is not followed.
 */
import { fitBytes, sendMarkdown, type AlertTarget, type SendOptions, type SendResult } from '../../platform/notify/robots.js';
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
    lines.push(
      `- [${f.ruleId} ${severityLabels[f.severity]}] ${f.message}${f.page ? `\n  页面：${f.page}${f.pages ? ` 等 ${f.pages.count} 个` : ''}` : ''}`,
    );
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

/** Send a monitor alert to every robot; never throws. */
export function sendAlert(alert: Alert, targets: AlertTarget[], opts: SendOptions = {}): Promise<SendResult[]> {
  return sendMarkdown({ wecom: buildWeComPayload(alert), dingtalk: buildDingTalkPayload(alert) }, targets, opts);
}

export type { AlertTarget, SendResult };
