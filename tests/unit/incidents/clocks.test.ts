// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import {
  clocksAtRisk,
  incidentClockRules,
  incidentClocks,
  incidentLevelOptions,
  opinionCategoryOptions,
  opinionHandlingOptions,
  type IncidentClock,
} from '../../../src/incidents/core/clocks.js';
import { formatMinutes } from '../../../src/platform/calendar/china-time.js';

/** An instant given as wall-clock time in China. */
const cst = (local: string): Date => new Date(`${local}+08:00`);
const byKind = (clocks: IncidentClock[]) => Object.fromEntries(clocks.map((c) => [c.kind, c]));

describe('S6 vocabulary', () => {
  test('S7: the four levels with Chinese labels', () => {
    expect(incidentLevelOptions.map((o) => o.label)).toEqual(['特别重大突发事件', '重大突发事件', '较大突发事件', '重大政务舆情']);
  });

  test('S6: five kinds of opinion to collect and six handling types, values unique', () => {
    expect(opinionCategoryOptions).toHaveLength(5);
    expect(opinionHandlingOptions).toHaveLength(6);
    for (const list of [opinionCategoryOptions, opinionHandlingOptions]) expect(new Set(list.map((o) => o.value)).size).toBe(list.length);
    expect(opinionHandlingOptions.at(-1)!.label).toContain('公安机关');
  });
});

describe('S7 which clocks apply', () => {
  test('S7: 特别重大 and 重大 run phone 20 min, written 40 min (target) and 2 h (limit), authoritative information 5 h, press conference 24 h', () => {
    for (const level of ['especiallyMajor', 'major'] as const) {
      expect(incidentClockRules[level].map((r) => [r.kind, r.minutes, r.strictness])).toEqual([
        ['phoneReport', 20, 'target'],
        ['writtenReport', 40, 'target'],
        ['writtenReportLatest', 120, 'required'],
        ['authoritativeInfo', 300, 'required'],
        ['pressConference', 1440, 'required'],
      ]);
    }
  });

  test("S7: a 较大 incident's written report is due 20 minutes after the start, and nothing else runs", () => {
    const clocks = incidentClocks({ level: 'relativelyMajor', startedAt: cst('2026-11-24T09:00'), now: cst('2026-11-24T09:01') });
    expect(clocks.map((c) => [c.kind, c.dueAt.toISOString()])).toEqual([['writtenReport', cst('2026-11-24T09:20').toISOString()]]);
    expect(clocks[0].label).toBe('书面报告局办公室（20分钟内）');
  });

  test('S7: major public opinion: a written report within 50 minutes only', () => {
    const clocks = incidentClocks({ level: 'majorOpinion', startedAt: cst('2026-11-24T09:00'), now: cst('2026-11-24T09:00') });
    expect(clocks.map((c) => [c.kind, c.limitMinutes, c.strictness])).toEqual([['writtenReport', 50, 'required']]);
  });
});

describe('S7 clock states', () => {
  const startedAt = cst('2026-11-24T09:00');
  const level = 'relativelyMajor';
  const at = (now: string, writtenReportAt?: string) =>
    incidentClocks({ level, startedAt, now: cst(now), events: { writtenReportAt: writtenReportAt ? cst(writtenReportAt) : null } })[0];

  test('S7: due while more than the at-risk window (25 % or 10 minutes, the larger) is left', () => {
    expect(at('2026-11-24T09:09:59')).toMatchObject({ state: 'due', stateLabel: '计时中', minutesLeft: 10 });
  });

  test('S7: at risk from 10 minutes before a 20-minute deadline up to the due instant itself', () => {
    expect(at('2026-11-24T09:10')).toMatchObject({ state: 'atRisk', minutesLeft: 10 });
    expect(at('2026-11-24T09:20')).toMatchObject({
      state: 'atRisk',
      minutesLeft: 0,
      summary: '书面报告局办公室（20分钟内）：剩余0分钟（截止 2026-11-24 09:20），即将到期',
    });
  });

  test('S7: overdue after the due instant, with the minutes overdue', () => {
    const clock = at('2026-11-24T09:35');
    expect(clock).toMatchObject({ state: 'overdue', stateLabel: '已超时', minutesLeft: -15 });
    expect(clock.summary).toBe('书面报告局办公室（20分钟内）：已超时15分钟（截止 2026-11-24 09:20）');
  });

  test('S7: met when done on or before the due instant, late after; now no longer matters', () => {
    expect(at('2026-11-25T12:00', '2026-11-24T09:20')).toMatchObject({ state: 'met', minutesLeft: null });
    const late = at('2026-11-25T12:00', '2026-11-24T09:20:30');
    expect(late).toMatchObject({ state: 'late', stateLabel: '逾期完成' });
    expect(late.summary).toBe('书面报告局办公室（20分钟内）：已于 2026-11-24 09:20 完成，超时1分钟');
  });

  test('S7: the at-risk window of long clocks is a quarter of the limit (75 minutes of 5 hours, 6 hours of 24)', () => {
    const clocks = byKind(incidentClocks({ level: 'major', startedAt, now: cst('2026-11-24T12:45') }));
    expect(clocks.authoritativeInfo.atRiskFrom).toEqual(cst('2026-11-24T12:45'));
    expect(clocks.authoritativeInfo.state).toBe('atRisk');
    expect(clocks.pressConference.atRiskFrom).toEqual(cst('2026-11-25T03:00'));
    expect(clocks.pressConference.state).toBe('due');
  });

  test('S7: the at-risk window can be set', () => {
    const clock = incidentClocks({ level, startedAt, now: cst('2026-11-24T09:12'), atRisk: { share: 0, minutes: 5 } })[0];
    expect(clock.state).toBe('due');
  });

  test('S7: the written report stops both the 40-minute target and the 2-hour limit: written at 1 h is late on the first, met on the second', () => {
    const clocks = byKind(
      incidentClocks({
        level: 'especiallyMajor',
        startedAt,
        now: cst('2026-11-24T10:30'),
        events: { phoneReportAt: cst('2026-11-24T09:15'), writtenReportAt: cst('2026-11-24T10:00') },
      }),
    );
    expect(clocks.phoneReport.state).toBe('met');
    expect(clocks.writtenReport.state).toBe('late');
    expect(clocks.writtenReportLatest.state).toBe('met');
    expect(clocks.authoritativeInfo).toMatchObject({ state: 'due', minutesLeft: 210 });
  });
});

describe('S7 minute clocks are instants, across midnight and days', () => {
  test('S7: a 较大 incident at 23:50 has its written report due at 00:10 the next day', () => {
    const [clock] = incidentClocks({ level: 'relativelyMajor', startedAt: cst('2026-12-31T23:50'), now: cst('2027-01-01T00:05') });
    expect(clock.dueAt).toEqual(cst('2027-01-01T00:10'));
    expect(clock).toMatchObject({ state: 'atRisk', minutesLeft: 5 });
    expect(clock.summary).toContain('截止 2027-01-01 00:10');
  });

  test('S7: 重大 at 22:30 China time (14:30 UTC): the 2-hour limit is 00:30, 5 hours 03:30, the press conference 22:30 the next day', () => {
    const clocks = byKind(incidentClocks({ level: 'major', startedAt: new Date('2026-11-24T14:30:00Z'), now: cst('2026-11-25T00:40') }));
    expect(clocks.writtenReportLatest).toMatchObject({ state: 'overdue', minutesLeft: -10 });
    expect(clocks.writtenReportLatest.summary).toContain('截止 2026-11-25 00:30');
    expect(clocks.authoritativeInfo.dueAt).toEqual(cst('2026-11-25T03:30'));
    expect(clocks.pressConference.dueAt).toEqual(cst('2026-11-25T22:30'));
    expect(clocks.pressConference).toMatchObject({ state: 'due', minutesLeft: 21 * 60 + 50 });
    expect(clocks.pressConference.summary).toBe('举行新闻发布会（24小时内）：剩余21小时50分钟（截止 2026-11-25 22:30）');
  });

  test('S7: holidays and weekends do not stop minute clocks (Spring Festival eve 2026)', () => {
    const clocks = byKind(incidentClocks({ level: 'especiallyMajor', startedAt: cst('2026-02-16T20:00'), now: cst('2026-02-17T21:00') }));
    expect(clocks.pressConference).toMatchObject({ state: 'overdue', minutesLeft: -60 });
  });
});

describe('S7 alerting once', () => {
  const startedAt = cst('2026-11-24T23:40');
  const base = { level: 'relativelyMajor' as const, startedAt };

  test('S7: consecutive windows send the at-risk alert once, then the overdue alert once', () => {
    const checks = [
      '2026-11-24T23:40',
      '2026-11-24T23:45',
      '2026-11-24T23:50',
      '2026-11-24T23:55',
      '2026-11-25T00:00',
      '2026-11-25T00:05',
    ].map(cst);
    const sent: string[] = [];
    for (let i = 1; i < checks.length; i++) {
      for (const alert of clocksAtRisk({ ...base, since: checks[i - 1], now: checks[i] }))
        sent.push(`${alert.turned}@${alert.at.toISOString()}`);
    }
    expect(sent).toEqual([`atRisk@${cst('2026-11-24T23:50').toISOString()}`, `overdue@${cst('2026-11-25T00:00').toISOString()}`]);
  });

  test('S7: overdue is reported at the first check after the due instant, not at the due instant itself; part of a minute overdue reads as 1 minute', () => {
    expect(clocksAtRisk({ ...base, since: cst('2026-11-24T23:55'), now: cst('2026-11-25T00:00') }).map((a) => a.turned)).toEqual([]);
    const [alert] = clocksAtRisk({ ...base, since: cst('2026-11-25T00:00'), now: cst('2026-11-25T00:00:01') });
    expect(alert.turned).toBe('overdue');
    expect(alert.message).toBe('【已超时】书面报告局办公室（20分钟内）：已超时1分钟（截止 2026-11-25 00:00）');
  });

  test('S7: one long window gives only the overdue alert; a clock already done gives none', () => {
    expect(clocksAtRisk({ ...base, since: startedAt, now: cst('2026-11-25T01:00') }).map((a) => a.turned)).toEqual(['overdue']);
    expect(
      clocksAtRisk({ ...base, events: { writtenReportAt: cst('2026-11-24T23:58') }, since: startedAt, now: cst('2026-11-25T01:00') }),
    ).toEqual([]);
  });

  test('S7: each clock of a 重大 incident alerts on its own', () => {
    const alerts = clocksAtRisk({
      level: 'major',
      startedAt,
      events: { phoneReportAt: cst('2026-11-24T23:50') },
      since: cst('2026-11-24T23:40'),
      now: cst('2026-11-25T00:21'),
    });
    expect(alerts.map((a) => [a.kind, a.turned])).toEqual([['writtenReport', 'overdue']]);
  });
});

describe('S7 invalid input', () => {
  test('S7: refuses events or now before the start, invalid dates and a window going backwards', () => {
    const startedAt = cst('2026-11-24T09:00');
    expect(() => incidentClocks({ level: 'major', startedAt, now: cst('2026-11-24T08:59') })).toThrow(/before the incident started/);
    expect(() => incidentClocks({ level: 'major', startedAt, now: startedAt, events: { phoneReportAt: cst('2026-11-24T08:00') } })).toThrow(
      /phoneReportAt: before/,
    );
    expect(() => incidentClocks({ level: 'major', startedAt: new Date('x'), now: startedAt })).toThrow(/Invalid instant for startedAt/);
    expect(() => incidentClocks({ level: 'minor' as never, startedAt, now: startedAt })).toThrow(/Invalid incident level/);
    expect(() => clocksAtRisk({ level: 'major', startedAt, since: cst('2026-11-24T10:00'), now: cst('2026-11-24T09:30') })).toThrow(
      /since: after now/,
    );
  });

  test('durations read in Chinese', () => {
    expect([0, 45, 60, 125, 1440, 1501].map(formatMinutes)).toEqual(['0分钟', '45分钟', '1小时', '2小时5分钟', '1天', '1天1小时1分钟']);
  });
});
