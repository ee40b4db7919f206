import { isEditorOfAny, isOffice, isOfficeOrLeader, type Member } from '../../platform/access/roles.js';
import { formatChinaTime } from '../../platform/calendar/china-time.js';
import {
  clocksAtRisk,
  incidentClockRules,
  incidentClocks,
  incidentLevelOptions,
  type IncidentAlert,
  type IncidentClock,
  type IncidentClockKind,
  type IncidentEvents,
  type IncidentLevel,
} from './clocks.js';
import type { ExtraTask } from '../../platform/tasks/task.js';
import { chinaDue } from '../../platform/tasks/task.js';

/*
 * 舆情事件 (S6, S7) as stored: what the Keystone list, the 待办 source and the alert job need on top of
 * the pure clocks in src/incidents/core/clocks.ts. Pure: `now` is passed in.
 */

export type IncidentEvent = keyof IncidentEvents;

export interface IncidentEventDefinition {
  event: IncidentEvent;
  /** The user who recorded it (field name on the list). */
  recordedBy: 'phoneReportBy' | 'writtenReportBy' | 'authoritativeInfoBy' | 'pressConferenceBy';
  /** The timestamp field's label. */
  label: string;
  /** The one-click action that records it at "now". */
  actionLabel: string;
  clockKinds: IncidentClockKind[];
}

export const incidentEventDefinitions: readonly IncidentEventDefinition[] = [
  {
    event: 'phoneReportAt',
    recordedBy: 'phoneReportBy',
    label: '电话报告局办公室时间',
    actionLabel: '已电话报告',
    clockKinds: ['phoneReport'],
  },
  {
    event: 'writtenReportAt',
    recordedBy: 'writtenReportBy',
    label: '书面报告局办公室时间',
    actionLabel: '已书面报告',
    clockKinds: ['writtenReport', 'writtenReportLatest'],
  },
  {
    event: 'authoritativeInfoAt',
    recordedBy: 'authoritativeInfoBy',
    label: '发布权威信息时间',
    actionLabel: '已发布权威信息',
    clockKinds: ['authoritativeInfo'],
  },
  {
    event: 'pressConferenceAt',
    recordedBy: 'pressConferenceBy',
    label: '召开新闻发布会时间',
    actionLabel: '已召开新闻发布会',
    clockKinds: ['pressConference'],
  },
];

/** S7: the events whose clocks run for a level (a 较大 emergency has only the written report). */
export function eventsForLevel(level: IncidentLevel): IncidentEvent[] {
  const kinds = new Set(incidentClockRules[level].map((rule) => rule.kind));
  return incidentEventDefinitions.filter((d) => d.clockKinds.some((k) => kinds.has(k))).map((d) => d.event);
}

/** What the responsible officer must do for a clock, in the words of the alert and the 待办. */
export const clockTodo: Readonly<Record<IncidentClockKind, string>> = {
  phoneReport: '立即电话报告局办公室，并在系统中点击“已电话报告”',
  writtenReport: '立即书面报告局办公室，并在系统中点击“已书面报告”',
  writtenReportLatest: '立即书面报告局办公室（最迟2小时），并在系统中点击“已书面报告”',
  authoritativeInfo: '发布权威信息、澄清事实，并在系统中点击“已发布权威信息”',
  pressConference: '举行新闻发布会，并在系统中点击“已召开新闻发布会”',
};

export const levelLabels = Object.fromEntries(incidentLevelOptions.map((o) => [o.value, o.label])) as Record<IncidentLevel, string>;

export function isIncidentLevel(value: unknown): value is IncidentLevel {
  return typeof value === 'string' && value in incidentClockRules;
}

/** The stored incident, as the rules read it (prisma row or Keystone item). */
export interface StoredIncident extends IncidentEvents {
  id: string;
  title: string;
  level: string | null;
  startedAt: Date | null;
  closedAt?: Date | null;
  alertsCheckedAt?: Date | null;
  alertLog?: unknown;
}

function eventsOf(incident: StoredIncident): IncidentEvents {
  return {
    phoneReportAt: incident.phoneReportAt ?? null,
    writtenReportAt: incident.writtenReportAt ?? null,
    authoritativeInfoAt: incident.authoritativeInfoAt ?? null,
    pressConferenceAt: incident.pressConferenceAt ?? null,
  };
}

/**
 * The clocks of a stored incident at `now`; a closed incident's clocks are read at its closing, so
 * they stop running. Empty when the incident lacks a level or start (cannot happen after validation).
 */
export function clocksOf(incident: StoredIncident, now: Date): IncidentClock[] {
  if (!isIncidentLevel(incident.level) || !incident.startedAt) return [];
  const at = incident.closedAt ?? now;
  return incidentClocks({
    level: incident.level,
    startedAt: incident.startedAt,
    events: eventsOf(incident),
    now: at < incident.startedAt ? incident.startedAt : at,
  });
}

/**
 * 时限状态 as staff read it, one line per clock: 【state】summary. Once closed, a clock never done
 * reads 未办理 instead of a running count.
 */
export function clockStatusLines(incident: StoredIncident, now: Date): string[] {
  return clocksOf(incident, now).map((clock) => {
    if (incident.closedAt && !clock.doneAt)
      return `【未办理】${clock.label}：事件已于 ${formatChinaTime(incident.closedAt)} 结束（截止 ${formatChinaTime(clock.dueAt)}）`;
    return `【${clock.stateLabel}】${clock.summary}`;
  });
}

/** Validation of what is about to be stored: Chinese messages, empty when fine (S7); a few minutes of clock skew are allowed. */
export function incidentProblems(incident: Partial<StoredIncident>, now: Date): string[] {
  const problems: string[] = [];
  // Missing title, level or start are refused by the fields themselves (isRequired).
  if (incident.startedAt && incident.startedAt.getTime() > now.getTime() + 5 * 60_000) problems.push('事件发生时间不能晚于当前时间');
  for (const d of incidentEventDefinitions) {
    const at = incident[d.event];
    if (at && incident.startedAt && at < incident.startedAt) problems.push(`${d.label}不能早于事件发生时间`);
  }
  if (incident.closedAt && incident.startedAt && incident.closedAt < incident.startedAt) problems.push('结束时间不能早于事件发生时间');
  return problems;
}

/**
 * One entry of the alert log kept on the incident: what was claimed for sending, and whether robots took it.
 * A type alias, not an interface, so that it is JSON input for the stored log.
 */
export type AlertLogEntry = {
  key: string;
  kind: IncidentClockKind;
  turned: 'atRisk' | 'overdue';
  claimedAt: string;
  /** Set after sending: how many robots accepted it; absent if the process stopped before recording. */
  delivered?: number;
  failed?: number;
};

export function alertKey(alert: Pick<IncidentAlert, 'kind' | 'turned'>): string {
  return `${alert.kind}:${alert.turned}`;
}

export function alertLogOf(value: unknown): AlertLogEntry[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed as AlertLogEntry[]) : [];
}

/**
 * S7 alerting for one incident: the clocks that turned at risk or overdue since the last check (the
 * incident's own `alertsCheckedAt`, else its start) and were never alerted (the log), nothing for a
 * closed incident or when `now` is not after the last check (another instance's clock ahead of ours).
 */
export function dueAlerts(incident: StoredIncident, now: Date): IncidentAlert[] {
  if (incident.closedAt || !isIncidentLevel(incident.level) || !incident.startedAt) return [];
  const since = incident.alertsCheckedAt ?? incident.startedAt;
  if (now <= since || now < incident.startedAt) return [];
  const sent = new Set(alertLogOf(incident.alertLog).map((entry) => entry.key));
  return clocksAtRisk({ level: incident.level, startedAt: incident.startedAt, events: eventsOf(incident), since, now }).filter(
    (alert) => !sent.has(alertKey(alert)),
  );
}

/** The lines of the 舆情时限提醒 robot message for one incident. */
export function alertLines(incident: StoredIncident, alerts: IncidentAlert[]): string[] {
  const level = isIncidentLevel(incident.level) ? levelLabels[incident.level] : '';
  return [
    `事件：${incident.title}（${level}，发生于 ${incident.startedAt ? formatChinaTime(incident.startedAt) : ''}）`,
    ...alerts.flatMap((alert) => [
      alert.message,
      `截止时间：${formatChinaTime(alert.clock.dueAt)}（北京时间）；请${clockTodo[alert.kind]}`,
    ]),
  ];
}

export interface IncidentForTasks extends StoredIncident {
  departmentIds: string[];
}

/**
 * S7: the office and the leaders follow every incident; an editor those of his department. The admin, who
 * stands in for the office and edits every incident (mayEditIncident), follows them too, as in every other 待办.
 */
export function followsIncident(actor: Member, departmentIds: string[]): boolean {
  return isOfficeOrLeader(actor.role) || isEditorOfAny(actor, departmentIds);
}

const urgencyOf = { overdue: 0, atRisk: 1, due: 2 } as const;

/** 待办: every clock not yet done of every open incident the actor follows, most urgent first. */
export function incidentTasks(incidents: IncidentForTasks[], actor: Member, now: Date): ExtraTask[] {
  const tasks: (ExtraTask & { dueAt: number })[] = [];
  for (const incident of incidents) {
    if (incident.closedAt || !followsIncident(actor, incident.departmentIds)) continue;
    for (const clock of clocksOf(incident, now)) {
      if (clock.doneAt || clock.state === 'met' || clock.state === 'late') continue;
      tasks.push({
        kindLabel: '舆情时限',
        listKey: 'OpinionIncident',
        id: incident.id,
        title: incident.title,
        detail: `【${clock.stateLabel}】${clock.summary}；${clockTodo[clock.kind]}`,
        href: `/admin/opinion-incidents/${incident.id}`,
        due: chinaDue(clock.dueAt),
        urgency: urgencyOf[clock.state],
        dueAt: clock.dueAt.getTime(),
      });
    }
  }
  return tasks.sort((a, b) => a.urgency - b.urgency || a.dueAt - b.dueAt).map(({ dueAt: _dueAt, ...task }) => task);
}

/** S7: the office (and the system admin) edit every incident; an editor those of his department. */
export function mayEditIncident(actor: Member, departmentIds: string[]): boolean {
  return isOffice(actor.role) || isEditorOfAny(actor, departmentIds);
}

export type IncidentAction = IncidentEvent | 'close';

/** Why an action cannot be taken now (Chinese), or null: each event once, nothing after closing. */
export function actionRefusal(
  incident: Pick<StoredIncident, 'level' | 'closedAt'> & IncidentEvents,
  action: IncidentAction,
): string | null {
  if (incident.closedAt) return '该事件已结束';
  if (action === 'close') return null;
  const definition = incidentEventDefinitions.find((d) => d.event === action)!;
  if (!isIncidentLevel(incident.level) || !eventsForLevel(incident.level).includes(action))
    return `该级别的事件无需“${definition.actionLabel}”`;
  if (incident[action]) return `已记录${definition.label}：${formatChinaTime(new Date(incident[action]!))}`;
  return null;
}
