/**
 * N5 interaction (own site, from the CMS): a message unanswered for more than 3 months is a veto; a
 * reply not public within 2 months of the message costs points; a published reply must show both the
 * submission time and the reply time.
 */
import { formatChinaTime } from '../../../platform/calendar/china-time.js';
import { addMonths, toInstant } from '../../../platform/http/dates.js';
import type { Check, Finding } from '../types.js';

export const unansweredVetoMonths = 3;
export const publishWithinMonths = 2;
export const n5Points = 1;

export const n5Interaction: Check = {
  id: 'N5',
  title: '互动交流',
  run({ knowledge, now }) {
    const findings: Finding[] = [];
    for (const m of knowledge?.messages ?? []) {
      const submitted = toInstant(m.submittedAt);
      if (!submitted) continue;
      const replied = toInstant(m.repliedAt);
      const published = toInstant(m.publishedAt);
      const label = m.title ? `“${m.title}”` : `编号 ${m.id}`;
      const base = { ruleId: 'N5', page: m.url, subject: m.id };
      if (!replied && addMonths(submitted, unansweredVetoMonths) < now) {
        findings.push({
          ...base,
          code: 'N5.unanswered',
          severity: 'veto',
          evidence: `留言 ${label} 提交于 ${formatChinaTime(submitted)}，至今未答复`,
          message: `留言 ${label} 超过 3 个月未答复（单项否决）`,
          hint: '立即转交承办科室答复并公开；建立留言办理时限提醒，超过 15 个工作日未办结的由局办公室督办。',
        });
        continue;
      }
      const publicAt = published ?? now;
      if (addMonths(submitted, publishWithinMonths) < publicAt) {
        findings.push({
          ...base,
          code: 'N5.late-publication',
          severity: 'deduction',
          points: n5Points,
          evidence: `留言 ${label} 提交于 ${formatChinaTime(submitted)}，${published ? `答复公开于 ${formatChinaTime(published)}` : replied ? `已于 ${formatChinaTime(replied)} 答复但尚未公开` : '尚未答复'}`,
          message: `留言 ${label} 的答复未在 2 个月内公开`,
          hint: '答复后及时在网站公开留言和答复内容；应在 2 个月内完成答复和公开。',
        });
      }
      if (published && (m.showsSubmittedTime === false || m.showsReplyTime === false)) {
        const missing = [m.showsSubmittedTime === false ? '留言时间' : '', m.showsReplyTime === false ? '答复时间' : '']
          .filter(Boolean)
          .join('和');
        findings.push({
          ...base,
          code: 'N5.times-missing',
          severity: 'deduction',
          points: n5Points,
          evidence: `留言 ${label} 的公开答复缺少${missing}`,
          message: `公开的留言答复未显示${missing}`,
          hint: '公开的留言答复应同时显示留言提交时间和答复时间。',
        });
      }
    }
    return findings;
  },
};
