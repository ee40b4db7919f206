// clock-sensitive: also runs at each fixed today (tests/run-at-fixed-days.mjs).
import { describe, expect, test } from '@jest/globals';
import {
  actionRefusal,
  alertLines,
  clockStatusLines,
  dueAlerts,
  eventsForLevel,
  followsIncident,
  incidentProblems,
  incidentTasks,
  mayEditIncident,
  type IncidentForTasks,
  type StoredIncident,
} from '../../../src/incidents/core/rules.js';

const cst = (local: string): Date => new Date(`${local}+08:00`);
const base: StoredIncident = {
  id: 'i1',
  title: '网传某养老院护理员虐待老人视频',
  level: 'majorOpinion',
  startedAt: cst('2026-11-24T23:40'),
};
const office = { id: 'u1', role: 'officeReviewer' as const, departmentId: 'office' };
const leader = { id: 'u2', role: 'leader' as const, departmentId: 'leaders' };
const elderlyEditor = { id: 'u3', role: 'editor' as const, departmentId: 'elderly' };
const otherEditor = { id: 'u4', role: 'editor' as const, departmentId: 'relief' };
const infoSection = { id: 'u5', role: 'infoSection' as const, departmentId: 'planning' };

describe('S7 events per level', () => {
  test('S7: 特别重大/重大 record all four events, 较大 and 重大政务舆情 only the written report', () => {
    expect(eventsForLevel('especiallyMajor')).toEqual(['phoneReportAt', 'writtenReportAt', 'authoritativeInfoAt', 'pressConferenceAt']);
    expect(eventsForLevel('major')).toEqual(eventsForLevel('especiallyMajor'));
    expect(eventsForLevel('relativelyMajor')).toEqual(['writtenReportAt']);
    expect(eventsForLevel('majorOpinion')).toEqual(['writtenReportAt']);
  });

  test('S7: an event is recorded once, only for its level, never after closing', () => {
    expect(actionRefusal(base, 'writtenReportAt')).toBeNull();
    expect(actionRefusal(base, 'phoneReportAt')).toBe('该级别的事件无需“已电话报告”');
    expect(actionRefusal({ ...base, writtenReportAt: cst('2026-11-25T00:10') }, 'writtenReportAt')).toBe(
      '已记录书面报告局办公室时间：2026-11-25 00:10',
    );
    // The Admin UI hands timestamps over as strings.
    expect(actionRefusal({ ...base, writtenReportAt: '2026-11-24T16:10:00.000Z' as unknown as Date }, 'writtenReportAt')).toContain(
      '2026-11-25 00:10',
    );
    expect(actionRefusal({ ...base, closedAt: cst('2026-11-25T01:00') }, 'close')).toBe('该事件已结束');
    expect(actionRefusal(base, 'close')).toBeNull();
  });
});

describe('S7 clock lines', () => {
  test('S7: a line per clock with state, time left and due time across midnight', () => {
    expect(clockStatusLines(base, cst('2026-11-25T00:20'))).toEqual([
      '【即将到期】书面报告局办公室（50分钟内）：剩余10分钟（截止 2026-11-25 00:30），即将到期',
    ]);
    expect(clockStatusLines(base, cst('2026-11-25T00:45'))).toEqual([
      '【已超时】书面报告局办公室（50分钟内）：已超时15分钟（截止 2026-11-25 00:30）',
    ]);
    expect(clockStatusLines({ ...base, writtenReportAt: cst('2026-11-25T00:25') }, cst('2026-11-25T03:00'))).toEqual([
      '【按时完成】书面报告局办公室（50分钟内）：已于 2026-11-25 00:25 按时完成',
    ]);
  });

  test('S7: a closed incident stops counting; a clock never done reads 未办理', () => {
    const closed = {
      ...base,
      level: 'major',
      phoneReportAt: cst('2026-11-24T23:50'),
      writtenReportAt: cst('2026-11-25T00:15'),
      closedAt: cst('2026-11-25T01:00'),
    };
    const lines = clockStatusLines(closed, cst('2026-11-30T00:00'));
    expect(lines[0]).toBe('【按时完成】电话报告局办公室（力争20分钟内）：已于 2026-11-24 23:50 按时完成');
    expect(lines[3]).toBe('【未办理】发布权威信息（最迟5小时内）：事件已于 2026-11-25 01:00 结束（截止 2026-11-25 04:40）');
  });

  test('S7: events before the start, a start in the future and a close before the start are refused', () => {
    const now = cst('2026-11-25T00:00');
    expect(incidentProblems({ ...base, writtenReportAt: cst('2026-11-24T23:00') }, now)).toEqual([
      '书面报告局办公室时间不能早于事件发生时间',
    ]);
    expect(incidentProblems({ ...base, startedAt: cst('2026-11-25T00:30') }, now)).toEqual(['事件发生时间不能晚于当前时间']);
    expect(incidentProblems({ ...base, startedAt: cst('2026-11-25T00:03') }, now)).toEqual([]);
    expect(incidentProblems({ ...base, closedAt: cst('2026-11-24T20:00') }, now)).toEqual(['结束时间不能早于事件发生时间']);
  });
});

describe('S7 alerts from the stored window', () => {
  test('S7: the window starts at the incident start, then at the last check; logged alerts never repeat', () => {
    expect(dueAlerts(base, cst('2026-11-25T00:17'))).toEqual([]);
    const late = dueAlerts(base, cst('2026-11-25T00:20'));
    expect(late.map((a) => `${a.kind}:${a.turned}`)).toEqual(['writtenReport:atRisk']);
    expect(dueAlerts({ ...base, alertsCheckedAt: cst('2026-11-25T00:20') }, cst('2026-11-25T00:21'))).toEqual([]);
    expect(dueAlerts({ ...base, alertsCheckedAt: cst('2026-11-25T00:20') }, cst('2026-11-25T00:31')).map((a) => a.turned)).toEqual([
      'overdue',
    ]);
    // A window reopened (the start was corrected) still skips what the log says was sent.
    const log = [{ key: 'writtenReport:atRisk', kind: 'writtenReport', turned: 'atRisk', claimedAt: '2026-11-24T16:10:00.000Z' }];
    expect(dueAlerts({ ...base, alertLog: log }, cst('2026-11-25T00:20'))).toEqual([]);
    expect(dueAlerts({ ...base, alertLog: JSON.stringify(log) }, cst('2026-11-25T00:20'))).toEqual([]);
    expect(dueAlerts({ ...base, alertLog: log }, cst('2026-11-25T00:31')).map((a) => a.turned)).toEqual(['overdue']);
  });

  test('S7: nothing for a closed incident, or when now is not after the last check', () => {
    expect(dueAlerts({ ...base, closedAt: cst('2026-11-25T00:00') }, cst('2026-11-25T01:00'))).toEqual([]);
    expect(dueAlerts({ ...base, alertsCheckedAt: cst('2026-11-25T00:40') }, cst('2026-11-25T00:35'))).toEqual([]);
  });

  test('S7: the alert names the incident, the clock, the due time in China and what to do', () => {
    const lines = alertLines(base, dueAlerts(base, cst('2026-11-25T00:31')));
    expect(lines).toEqual([
      '事件：网传某养老院护理员虐待老人视频（重大政务舆情，发生于 2026-11-24 23:40）',
      '【已超时】书面报告局办公室（50分钟内）：已超时1分钟（截止 2026-11-25 00:30）',
      '截止时间：2026-11-25 00:30（北京时间）；请立即书面报告局办公室，并在系统中点击“已书面报告”',
    ]);
  });
});

describe('S7 who follows and edits', () => {
  test('S7: the office and leaders follow every incident, editors their department; the info section none', () => {
    expect(followsIncident(office, [])).toBe(true);
    expect(followsIncident(leader, ['elderly'])).toBe(true);
    expect(followsIncident(elderlyEditor, ['elderly', 'office'])).toBe(true);
    expect(followsIncident(otherEditor, ['elderly'])).toBe(false);
    expect(followsIncident(infoSection, ['planning'])).toBe(false);
    expect(mayEditIncident(office, [])).toBe(true);
    expect(mayEditIncident(leader, ['leaders'])).toBe(false);
    expect(mayEditIncident(elderlyEditor, ['elderly'])).toBe(true);
    expect(mayEditIncident(otherEditor, ['elderly'])).toBe(false);
  });

  test('S7: the admin, who stands in for the office and edits every incident, follows every incident too', () => {
    const admin = { id: 'u6', role: 'admin' as const, departmentId: 'planning' };
    expect(mayEditIncident(admin, ['elderly'])).toBe(true);
    expect(followsIncident(admin, ['elderly'])).toBe(true);
  });

  test('S7: 待办 lists every open clock of open incidents, overdue first, then at risk, then by due time', () => {
    const now = cst('2026-11-25T00:35');
    const incidents: IncidentForTasks[] = [
      { ...base, departmentIds: ['elderly'] }, // written report overdue since 00:30
      {
        id: 'i2',
        title: '某县救灾物资发放质疑',
        level: 'major',
        startedAt: cst('2026-11-24T23:55'),
        phoneReportAt: cst('2026-11-25T00:05'),
        departmentIds: ['relief'],
      },
      {
        id: 'i3',
        title: '已结束的事件',
        level: 'relativelyMajor',
        startedAt: cst('2026-11-24T22:00'),
        closedAt: cst('2026-11-24T23:00'),
        departmentIds: ['elderly'],
      },
    ];
    const tasks = incidentTasks(incidents, office, now);
    expect(tasks.map((t) => `${t.id}:${t.urgency}:${t.due}`)).toEqual([
      'i1:0:2026-11-25T00:30+08:00',
      'i2:1:2026-11-25T00:35+08:00', // 40-minute written report, at risk up to and including its due instant
      'i2:2:2026-11-25T01:55+08:00',
      'i2:2:2026-11-25T04:55+08:00',
      'i2:2:2026-11-25T23:55+08:00',
    ]);
    expect(tasks[0]).toMatchObject({ kindLabel: '舆情时限', listKey: 'OpinionIncident', href: '/admin/opinion-incidents/i1' });
    expect(tasks[0].detail).toContain('【已超时】');
    expect(incidentTasks(incidents, elderlyEditor, now).map((t) => t.id)).toEqual(['i1']);
    expect(incidentTasks(incidents, infoSection, now)).toEqual([]);
  });
});
