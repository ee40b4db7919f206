import { applicantTypeOptions } from '../../requests/core/request-vocabulary.js';
import type { AnnualReport } from './annual-report.js';

/** N14: the tables and the check of a report as plain text, for the terminal (`gongkai report annual`). */
export function annualReportText(report: AnnualReport): string {
  const p = report.proactive;
  const r = report.reviewLitigation;
  const columns: string[] = [...applicantTypeOptions.map((o) => o.label), '总计'];
  const out = [
    report.title,
    '',
    '二、主动公开政府信息情况',
    ...p.regulatory.map((x) => `  ${x.label}：本年制发 ${x.issued}，本年废止 ${x.repealed}，现行有效 ${x.inForce}`),
    `  行政许可 ${p.licensing}；行政处罚 ${p.penalty}；行政强制 ${p.enforcement}；行政事业性收费 ${p.feesTenThousandYuan} 万元`,
    '',
    `三、收到和处理政府信息公开申请情况（${columns.join(' / ')}）`,
    ...report.requests.rows.map(
      (row) =>
        `  ${row.group ? `${row.group} ` : ''}${row.label}：${applicantTypeOptions
          .map((o) => row.counts[o.value])
          .concat(row.total)
          .join(' / ')}`,
    ),
    '',
    '四、政府信息公开行政复议、行政诉讼情况（结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计）',
    ...(
      [
        ['行政复议', r.review],
        ['行政诉讼（未经复议直接起诉）', r.litigationDirect],
        ['行政诉讼（复议后起诉）', r.litigationAfterReview],
      ] as const
    ).map(([label, c]) => `  ${label}：${[c.upheld, c.corrected, c.other, c.pending, c.total].join(' / ')}`),
    '',
    report.failures.length ? `校验未通过（${report.failures.length} 项）：` : '校验通过：一 + 二 = 三 + 四，各项合计无误',
    ...report.failures.map((f) => `  ${f.message}`),
  ];
  return out.join('\n');
}
