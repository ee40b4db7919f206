/** N4 empty columns (空白栏目): ≥ 5 is a veto, vendors warn from 2. */
import type { Check, Finding } from '../types.js';
import { columnViews } from './n3-columns-updated.js';

export const emptyVetoCount = 5;
export const emptyWarnCount = 2;

export const n4EmptyColumns: Check = {
  id: 'N4',
  title: '空白栏目',
  run(input) {
    const empty = columnViews(input).filter((c) => c.empty);
    if (empty.length < emptyWarnCount) return [];
    const veto = empty.length >= emptyVetoCount;
    return empty.map((col): Finding => ({
      ruleId: 'N4',
      code: 'N4.empty',
      severity: veto ? 'veto' : 'warning',
      page: col.url,
      subject: col.id,
      evidence: `栏目“${col.name}”没有任何信息（全站空白栏目 ${empty.length} 个）`,
      message: veto
        ? `空白栏目共 ${empty.length} 个（≥5 个为单项否决）：“${col.name}”`
        : `空白栏目“${col.name}”（全站共 ${empty.length} 个，≥5 个为单项否决）`,
      hint: `请为栏目“${col.name}”补充内容；暂无内容的栏目应隐藏或删除，不要在网站上显示空栏目。`,
    }));
  },
};
