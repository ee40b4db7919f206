/**
 * 采集计划 in plain words (S9, issue 16): the info-construction section picks 每天 8:00 rather than typing a
 * cron expression. The choice is stored as the cron expression it stands for, so the scheduler, the seed
 * and every existing row read it unchanged; a stored expression that is one of the choices shows as that
 * choice, any other as 自定义（高级）. No imports: the Admin UI form bundles this module.
 */

export interface ScheduleChoice {
  /** The node-cron expression stored (Beijing time). */
  cron: string;
  label: string;
}

/** The plain choices, in the order the form offers them. Minutes off the hour spread load on upstream sites. */
export const SCHEDULE_CHOICES: readonly ScheduleChoice[] = [
  { cron: '5 * * * *', label: '每小时（每小时第 5 分钟）' },
  { cron: '15 8-20/2 * * *', label: '白天每两小时（8:15 至 20:15）' },
  { cron: '0 8 * * *', label: '每天 8:00' },
  { cron: '0 8,14 * * *', label: '每天 8:00 和 14:00' },
  { cron: '0 9 * * 1-5', label: '工作日每天 9:00' },
  { cron: '0 9 * * 1', label: '每周一 9:00' },
];

/** What the form shows for an expression that is none of the choices. */
export const CUSTOM_SCHEDULE_LABEL = '自定义（高级）';

/** The default of a new source: 白天每两小时, as before the choices existed. */
export const DEFAULT_SCHEDULE = '15 8-20/2 * * *';

/** Spaces collapsed, so `0  8 * * *` typed by hand still reads as 每天 8:00. */
export function normalizeCron(expression: string): string {
  return expression.trim().split(/\s+/).join(' ');
}

/**
 * The plain choice a stored expression stands for, or undefined (自定义). Six-field expressions with a
 * zero seconds field (`0 0 8 * * *`) are the same schedule and read as the same choice.
 */
export function scheduleChoiceOf(expression: string): ScheduleChoice | undefined {
  let parts = normalizeCron(expression).split(' ');
  if (parts.length === 6 && parts[0] === '0') parts = parts.slice(1);
  const five = parts.join(' ');
  return SCHEDULE_CHOICES.find((choice) => choice.cron === five);
}

/** The schedule in words for the list and the item page: the choice's label, or the expression itself. */
export function describeSchedule(expression: string): string {
  return scheduleChoiceOf(expression)?.label ?? `${CUSTOM_SCHEDULE_LABEL}：${normalizeCron(expression)}`;
}
