import { g } from '../platform/db/g.js';
import { virtual } from '@keystone-6/core/fields';
import type { ListTypeInfo } from '../platform/db/prisma.js';
import { disclosureClock } from '../platform/calendar/disclosure-clock.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';

/**
 * N12 公开期限 of a proactive document, for list views and the API: the last day for publication (20
 * working days from its formation) and where it stands, in words an editor reads at a glance.
 */
export function describeDeadline(item: { disclosure?: unknown; formationDate?: unknown; publishedAt?: unknown }, today: string): string {
  const formationDate = calendarDayOf(item.formationDate);
  if (item.disclosure !== 'proactive' || !formationDate) return '';
  const publishedAt = item.publishedAt instanceof Date ? toCalendarDay(item.publishedAt) : null;
  const clock = disclosureClock({ formationDate, publishedAt, today });
  switch (clock.state) {
    case 'met':
      return '按期公开';
    case 'late':
      return `逾期公开（期限 ${clock.deadline}）`;
    case 'overdue':
      return `已超期（期限 ${clock.deadline}）`;
    default:
      return `${clock.deadline}（剩 ${clock.workingDaysLeft} 个工作日）`;
  }
}

/*
 * The list shows 公开期限 on every row: the working-day calendar is walked once per formation day, publication
 * day and today, not once per row (a bureau's thousands of documents share far fewer days).
 */
const described = new Map<string, string>();
function describeOnce(item: Record<string, unknown>, today: string): string {
  const formationDate = calendarDayOf(item.formationDate);
  if (item.disclosure !== 'proactive' || !formationDate) return '';
  const published = item.publishedAt instanceof Date ? toCalendarDay(item.publishedAt) : '';
  const key = `${formationDate}|${published}|${today}`;
  let text = described.get(key);
  if (text === undefined) {
    if (described.size > 10_000) described.clear();
    text = describeDeadline(item, today);
    described.set(key, text);
  }
  return text;
}

export const deadlineField = () =>
  virtual<ListTypeInfo<'Document'>>({
    ui: {
      label: '公开期限',
      description: '主动公开的文件自形成之日起 20 个工作日内公开（N12）',
      createView: { fieldMode: 'hidden' },
      itemView: { fieldMode: 'read', fieldPosition: 'sidebar' },
    },
    field: g.field({
      type: g.String,
      resolve: (item) => describeOnce(item as Record<string, unknown>, toCalendarDay(new Date())),
    }),
  });
