import { disclosureClock } from '../../platform/calendar/disclosure-clock.js';
import { assertCalendarDay, type CalendarDay } from '../../platform/calendar/working-days.js';
import { disclosureOptions } from '../../platform/content/vocabulary.js';

/*
 * S4 半年自查: each department, each half year, looks at what it withheld and what the public kept
 * asking for; what should be public becomes public; the report goes to the office. Pure: built from
 * plain records; numbered items (W1…, T1…) are what the conversion workflow refers to.
 */

export type HalfYear = `${number}-H1` | `${number}-H2`;

/** The first and last day of a half year (YYYY-H1: January to June; YYYY-H2: July to December). */
export function halfYearBounds(half: string): { start: CalendarDay; end: CalendarDay } {
  const m = /^(\d{4})-H([12])$/.exec(half);
  if (!m || Number(m[1]) < 2008) throw new Error(`半年度“${half}”格式不正确，应为 YYYY-H1（上半年）或 YYYY-H2（下半年），例如 2026-H1`);
  return m[2] === '1' ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30` } : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31` };
}

export const halfYearLabel = (half: string): string => {
  halfYearBounds(half);
  return `${half.slice(0, 4)}年${half.endsWith('H1') ? '上半年' : '下半年'}`;
};

export interface InspectedDocument {
  id: string;
  title: string;
  disclosure: string | null;
  disclosureReason: string | null;
  formationDate: CalendarDay | null;
  /** The day it went public, if it did. */
  publishedOn: CalendarDay | null;
}

export interface InspectedRequest {
  id: string;
  topic: string;
  receivedOn: CalendarDay;
  shouldBeProactive: boolean;
  convertedDocumentId: string | null;
}

export interface SelfInspectionContents {
  half: string;
  department: string;
  /** 不公开、依申请公开 and 删减后公开 documents formed in the half, with their reasons. */
  withheld: {
    ref: string;
    id: string;
    title: string;
    disclosure: string;
    disclosureLabel: string;
    reason: string;
    formationDate: CalendarDay;
  }[];
  /** Topics of the requests received in the half, most requested first. */
  topics: { ref: string; topic: string; count: number }[];
  /** Requests the department marked as information that should be proactive, and whether it became so. */
  shouldBeProactive: { id: string; topic: string; receivedOn: CalendarDay; converted: boolean }[];
  /** N12: proactive documents formed in the half and published after their deadline, or not yet and overdue. */
  late: { id: string; title: string; formationDate: CalendarDay; deadline: CalendarDay; publishedOn: CalendarDay | null }[];
  requestCount: number;
}

const disclosureLabels = Object.fromEntries(disclosureOptions.map((o) => [o.value, o.label])) as Record<string, string>;
const withheldKinds = new Set(['notPublic', 'onRequest', 'redacted']);

/** S4: the contents of one department's self-inspection of one half year, as of `today`. */
export function selfInspectionContents({
  half,
  department,
  documents,
  requests,
  today,
}: {
  half: string;
  department: string;
  documents: readonly InspectedDocument[];
  requests: readonly InspectedRequest[];
  today: CalendarDay;
}): SelfInspectionContents {
  const { start, end } = halfYearBounds(half);
  assertCalendarDay(today);
  const inHalf = (day: CalendarDay | null): day is CalendarDay => day != null && day >= start && day <= end;
  const withheld = documents
    .filter((d) => d.disclosure && withheldKinds.has(d.disclosure) && inHalf(d.formationDate))
    .sort((a, b) => a.formationDate!.localeCompare(b.formationDate!) || a.title.localeCompare(b.title))
    .map((d, i) => ({
      ref: `W${i + 1}`,
      id: d.id,
      title: d.title,
      disclosure: d.disclosure!,
      disclosureLabel: disclosureLabels[d.disclosure!] ?? d.disclosure!,
      reason: d.disclosureReason?.trim() || '（未填写理由）',
      formationDate: d.formationDate!,
    }));
  const received = requests.filter((r) => inHalf(r.receivedOn));
  const counts = new Map<string, number>();
  for (const r of received) {
    const topic = r.topic.trim();
    if (topic) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  const topics = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([topic, count], i) => ({ ref: `T${i + 1}`, topic, count }));
  const late = documents.flatMap((d) => {
    if (d.disclosure !== 'proactive' || !inHalf(d.formationDate)) return [];
    const clock = disclosureClock({ formationDate: d.formationDate, publishedAt: d.publishedOn, today });
    return clock.state === 'late' || clock.state === 'overdue'
      ? [{ id: d.id, title: d.title, formationDate: d.formationDate, deadline: clock.deadline, publishedOn: d.publishedOn }]
      : [];
  });
  return {
    half,
    department,
    withheld,
    topics,
    shouldBeProactive: received
      .filter((r) => r.shouldBeProactive)
      .map((r) => ({ id: r.id, topic: r.topic, receivedOn: r.receivedOn, converted: r.convertedDocumentId != null })),
    late,
    requestCount: received.length,
  };
}

/** The contents as the text an officer reads in the Admin UI and the CLI prints. */
export function selfInspectionText(c: SelfInspectionContents): string {
  const lines = [
    `${c.department}${halfYearLabel(c.half)}政府信息公开自查`,
    '',
    `一、未公开（不公开、依申请公开、删减后公开）的信息：${c.withheld.length} 件`,
  ];
  for (const w of c.withheld) lines.push(`  ${w.ref} 《${w.title}》（${w.disclosureLabel}，成文日期 ${w.formationDate}）理由：${w.reason}`);
  lines.push('', `二、依申请公开：收到申请 ${c.requestCount} 件，申请较多的事项：`);
  for (const t of c.topics) lines.push(`  ${t.ref} ${t.topic}：${t.count} 件`);
  if (!c.topics.length) lines.push('  无');
  lines.push('', `三、应转为主动公开的申请事项：${c.shouldBeProactive.length} 件`);
  for (const s of c.shouldBeProactive)
    lines.push(`  ${s.topic}（${s.receivedOn} 收到）：${s.converted ? '已转为主动公开' : '尚未转为主动公开'}`);
  lines.push('', `四、未按期主动公开（形成后 20 个工作日内）的文件：${c.late.length} 件`);
  for (const l of c.late)
    lines.push(`  《${l.title}》成文日期 ${l.formationDate}，期限 ${l.deadline}，${l.publishedOn ? `${l.publishedOn} 公开` : '尚未公开'}`);
  return lines.join('\n');
}
