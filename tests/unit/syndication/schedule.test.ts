import { describe, expect, test } from '@jest/globals';
import cron from 'node-cron';
import {
  CUSTOM_SCHEDULE_LABEL,
  DEFAULT_SCHEDULE,
  SCHEDULE_CHOICES,
  describeSchedule,
  scheduleChoiceOf,
} from '../../../syndication/core/schedule.js';
import { REAL_SOURCES } from '../../../syndication/core/sources.js';

/** The Beijing times of one fixed week (Mon 2026-11-23 … Sun 2026-11-29) at which `expression` fires. */
function firingsInWeek(expression: string): string[] {
  const task = cron.createTask(expression, () => undefined, { timezone: 'Asia/Shanghai' });
  const out: string[] = [];
  try {
    const start = Date.parse('2026-11-22T16:00:00Z'); // Monday 00:00 in Beijing
    for (let m = 0; m < 7 * 24 * 60; m++) {
      const at = new Date(start + m * 60_000);
      if (task.match(at)) {
        const beijing = new Date(at.getTime() + 8 * 3600_000);
        out.push(`${'日一二三四五六'[beijing.getUTCDay()]} ${beijing.toISOString().slice(11, 16)}`);
      }
    }
    return out;
  } finally {
    task.destroy();
  }
}

describe('S9: 采集计划 as plain choices (issue 16)', () => {
  test('S9: every plain choice is a valid cron expression that fires when its label says', () => {
    for (const choice of SCHEDULE_CHOICES) expect(cron.validate(choice.cron)).toBe(true);
    const by = (label: string) => SCHEDULE_CHOICES.find((c) => c.label.startsWith(label))!.cron;
    expect(firingsInWeek(by('每小时'))).toHaveLength(7 * 24);
    expect(firingsInWeek(by('每小时'))[0]).toBe('一 00:05');
    expect(firingsInWeek(by('每天 8:00 和 14:00'))).toEqual(
      ['一', '二', '三', '四', '五', '六', '日'].flatMap((d) => [`${d} 08:00`, `${d} 14:00`]),
    );
    expect(firingsInWeek(SCHEDULE_CHOICES.find((c) => c.label === '每天 8:00')!.cron)).toEqual(
      ['一', '二', '三', '四', '五', '六', '日'].map((d) => `${d} 08:00`),
    );
    expect(firingsInWeek(by('工作日每天 9:00'))).toEqual(['一', '二', '三', '四', '五'].map((d) => `${d} 09:00`));
    expect(firingsInWeek(by('每周一 9:00'))).toEqual(['一 09:00']);
    expect(firingsInWeek(by('白天每两小时'))).toHaveLength(7 * 7);
  });

  test('S9: a stored expression maps back to its choice, spacing and a zero seconds field aside', () => {
    expect(scheduleChoiceOf('0 8 * * *')?.label).toBe('每天 8:00');
    expect(scheduleChoiceOf('  0   8,14 *  * * ')?.label).toBe('每天 8:00 和 14:00');
    expect(scheduleChoiceOf('0 0 9 * * 1')?.label).toBe('每周一 9:00');
    expect(scheduleChoiceOf(DEFAULT_SCHEDULE)?.label).toBe('白天每两小时（8:15 至 20:15）');
    // Not the same schedule: no choice, so the form shows it under 自定义（高级）.
    expect(scheduleChoiceOf('30 0 8 * * *')).toBeUndefined();
    expect(scheduleChoiceOf('0 8 * * 1-5')).toBeUndefined();
    expect(scheduleChoiceOf('45 8-20/4 * * *')).toBeUndefined();
    expect(describeSchedule('45 8-20/4 * * *')).toBe(`${CUSTOM_SCHEDULE_LABEL}：45 8-20/4 * * *`);
    expect(describeSchedule('0 9 * * 1-5')).toBe('工作日每天 9:00');
  });

  test('S9: each choice is one schedule: no two choices share an expression or a label', () => {
    expect(new Set(SCHEDULE_CHOICES.map((c) => c.cron)).size).toBe(SCHEDULE_CHOICES.length);
    expect(new Set(SCHEDULE_CHOICES.map((c) => c.label)).size).toBe(SCHEDULE_CHOICES.length);
    for (const choice of SCHEDULE_CHOICES) expect(scheduleChoiceOf(choice.cron)).toBe(choice);
  });

  test('S9: the seeded sources keep their expressions and read as a choice or as 自定义', () => {
    for (const source of REAL_SOURCES) expect(describeSchedule(source.schedule)).toMatch(/^(白天每两小时|自定义（高级）：)/);
  });
});
