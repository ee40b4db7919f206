import { formatChinaTime } from '../calendar/china-time.js';

/**
 * 待办 entries from outside the document workflow: each capability with a clock (S7 incidents, N13
 * requests, N5 messages, consultations, reports) adds one source here. The 待办 page shows them below
 * the workflow's own tasks, most urgent first.
 */
export interface ExtraTask {
  /** A short Chinese category, shown in the 类别 column (e.g. 舆情时限). */
  kindLabel: string;
  listKey: string;
  id: string;
  /** The record of `listKey` the task is about, where `id` is not it (one task per part of a record). */
  itemId?: string;
  title: string;
  /** What to do, in Chinese. */
  detail: string;
  /** The Admin UI page to act on, e.g. /admin/incidents/abc. */
  href: string;
  /**
   * A day (YYYY-MM-DD) or, for clocks in minutes, an instant in China time (YYYY-MM-DDTHH:mm+08:00,
   * see `chinaDue`); the page shows either, and the list sorts on it.
   */
  due: string | null;
  /** 0 overdue, 1 at risk or due soon, 2 running. */
  urgency: 0 | 1 | 2;
}

/** An instant as the `due` of a task: China time, to the minute, so the page needs no time zone. */
export function chinaDue(instant: Date): string {
  return `${formatChinaTime(instant).replace(' ', 'T')}+08:00`;
}
