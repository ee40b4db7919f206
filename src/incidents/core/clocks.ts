import { assertInstant, formatChinaTime, formatMinutes } from '../../platform/calendar/china-time.js';

/*
 * S6, S7: emergencies (突发事件) and public opinion (政务舆情), with the bureau's reporting and
 * response deadlines counted from the instant the incident started. Minute clocks run on instants
 * (milliseconds), never on calendar days, so a report due 20 minutes after 23:50 is due at 00:10
 * the next day. Pure: `now` is passed in.
 */

/** S7: the levels the seed sets deadlines for. */
export const incidentLevelOptions = [
  { value: 'especiallyMajor', label: '特别重大突发事件' },
  { value: 'major', label: '重大突发事件' },
  { value: 'relativelyMajor', label: '较大突发事件' },
  { value: 'majorOpinion', label: '重大政务舆情' },
] as const;
export type IncidentLevel = (typeof incidentLevelOptions)[number]['value'];

/** S6: the five kinds of opinion the seed says to collect (三(二) 突出舆情收集重点). */
export const opinionCategoryOptions = [
  { value: 'decisionsAndPolicies', label: '涉及民政工作重要决策部署和重要政策事项的政务舆情' },
  { value: 'serviceUsersInterests', label: '涉及民政服务对象切身利益且可能产生较大影响的媒体报道' },
  { value: 'publicCredibility', label: '引发媒体和公众关切、可能影响民政形象和公信力的舆情' },
  { value: 'emergenciesAndDisasters', label: '涉及民政重大突发事件处置和自然灾害应对的舆情' },
  { value: 'moralBaseline', label: '严重冲击社会道德底线的民生舆情' },
] as const;
export type OpinionCategory = (typeof opinionCategoryOptions)[number]['value'];

/** S6: the six ways of handling the seed lists (三(三) 做好舆情研判处置), each with what gets published. */
export const opinionHandlingOptions = [
  { value: 'adoptSuggestions', label: '建设性意见建议：公开吸收采纳情况' },
  { value: 'resolveDifficulties', label: '群众反映的实际困难：公布研究解决情况' },
  { value: 'publishInvestigation', label: '群众反映的重大问题：发布调查处置情况' },
  { value: 'authoritativeInformation', label: '公众不了解情况、存在模糊认识：发布权威信息，澄清事实' },
  { value: 'correctMisconceptions', label: '错误看法：发布信息进行引导和纠正' },
  { value: 'referFalseInformation', label: '虚假和不实信息：及时回应，并将线索移交公安机关、网络监管部门' },
] as const;
export type OpinionHandling = (typeof opinionHandlingOptions)[number]['value'];

export type IncidentClockKind = 'phoneReport' | 'writtenReport' | 'writtenReportLatest' | 'authoritativeInfo' | 'pressConference';

/**
 * 'target': the seed says 力争 (strive for); 'required': 应 / 最迟 / 保证 (a hard limit). The 40-minute
 * written report of 特别重大/重大 is a target whose hard limit is the separate 2-hour clock.
 */
export type ClockStrictness = 'target' | 'required';

export interface IncidentClockRule {
  kind: IncidentClockKind;
  minutes: number;
  strictness: ClockStrictness;
  label: string;
}

const toOffice = '局办公室';
const severeEmergencyRules: readonly IncidentClockRule[] = [
  { kind: 'phoneReport', minutes: 20, strictness: 'target', label: `电话报告${toOffice}（力争20分钟内）` },
  { kind: 'writtenReport', minutes: 40, strictness: 'target', label: `书面报告${toOffice}（力争40分钟内）` },
  { kind: 'writtenReportLatest', minutes: 120, strictness: 'required', label: `书面报告${toOffice}（最迟2小时）` },
  // S7: the seed sets these two for opinion on 特别重大/重大 emergencies (三(四)); here they run with the emergency.
  { kind: 'authoritativeInfo', minutes: 5 * 60, strictness: 'required', label: '发布权威信息（最迟5小时内）' },
  { kind: 'pressConference', minutes: 24 * 60, strictness: 'required', label: '举行新闻发布会（24小时内）' },
];

/** S7: which clocks run for each level, and their limits in minutes from the start. */
export const incidentClockRules: Readonly<Record<IncidentLevel, readonly IncidentClockRule[]>> = {
  especiallyMajor: severeEmergencyRules,
  major: severeEmergencyRules,
  relativelyMajor: [{ kind: 'writtenReport', minutes: 20, strictness: 'required', label: `书面报告${toOffice}（20分钟内）` }],
  majorOpinion: [{ kind: 'writtenReport', minutes: 50, strictness: 'required', label: `书面报告${toOffice}（50分钟内）` }],
};

/** What has been done, and when; each stops the clocks it answers. */
export interface IncidentEvents {
  phoneReportAt?: Date | null;
  /** Stops both the 40-minute target and the 2-hour limit. */
  writtenReportAt?: Date | null;
  authoritativeInfoAt?: Date | null;
  pressConferenceAt?: Date | null;
}

const eventOf: Record<IncidentClockKind, keyof IncidentEvents> = {
  phoneReport: 'phoneReportAt',
  writtenReport: 'writtenReportAt',
  writtenReportLatest: 'writtenReportAt',
  authoritativeInfo: 'authoritativeInfoAt',
  pressConference: 'pressConferenceAt',
};

/**
 * met / late: done on or before / after the due instant. While not done: due (running), atRisk
 * (inside the at-risk window, up to and including the due instant), overdue (past it).
 */
export type IncidentClockState = 'met' | 'late' | 'due' | 'atRisk' | 'overdue';

export const incidentClockStateLabels: Readonly<Record<IncidentClockState, string>> = {
  met: '按时完成',
  late: '逾期完成',
  due: '计时中',
  atRisk: '即将到期',
  overdue: '已超时',
};

/** The at-risk window: the larger of a share of the limit and a number of minutes (default 25 % or 10 minutes). */
export interface AtRiskWindow {
  share?: number;
  minutes?: number;
}

export interface IncidentClock {
  kind: IncidentClockKind;
  /** Chinese: what is due and its limit, e.g. 书面报告局办公室（50分钟内）. */
  label: string;
  limitMinutes: number;
  strictness: ClockStrictness;
  dueAt: Date;
  /** From this instant on, a clock not done is at risk. */
  atRiskFrom: Date;
  doneAt: Date | null;
  state: IncidentClockState;
  stateLabel: string;
  /** While not done: whole minutes to the due instant, rounded down; negative once overdue. Null once done. */
  minutesLeft: number | null;
  /** Chinese one-liner for dashboards and alerts. */
  summary: string;
}

export interface IncidentClockInput {
  level: IncidentLevel;
  startedAt: Date;
  events?: IncidentEvents;
  now: Date;
  atRisk?: AtRiskWindow;
}

const minuteMs = 60_000;

function riskWindowMs(limitMinutes: number, { share = 0.25, minutes = 10 }: AtRiskWindow = {}): number {
  if (!(share >= 0 && share <= 1)) throw new Error(`Invalid at-risk share ${share}: expected a number from 0 to 1`);
  if (!(minutes >= 0)) throw new Error(`Invalid at-risk minutes ${minutes}: expected 0 or more`);
  return Math.min(limitMinutes, Math.max(limitMinutes * share, minutes)) * minuteMs;
}

function summarize(clock: Omit<IncidentClock, 'summary'>): string {
  const due = formatChinaTime(clock.dueAt);
  switch (clock.state) {
    case 'met':
      return `${clock.label}：已于 ${formatChinaTime(clock.doneAt!)} 按时完成`;
    case 'late': {
      const late = Math.ceil((clock.doneAt!.getTime() - clock.dueAt.getTime()) / minuteMs);
      return `${clock.label}：已于 ${formatChinaTime(clock.doneAt!)} 完成，超时${formatMinutes(late)}`;
    }
    case 'overdue':
      return `${clock.label}：已超时${formatMinutes(-clock.minutesLeft!)}（截止 ${due}）`;
    default:
      return `${clock.label}：剩余${formatMinutes(clock.minutesLeft!)}（截止 ${due}）${clock.state === 'atRisk' ? '，即将到期' : ''}`;
  }
}

/** S7: every clock that applies to the incident's level, in the order of their limits. */
export function incidentClocks({ level, startedAt, events = {}, now, atRisk }: IncidentClockInput): IncidentClock[] {
  const rules = incidentClockRules[level];
  if (!rules) throw new Error(`Invalid incident level ${JSON.stringify(level)}`);
  assertInstant(startedAt, 'startedAt');
  assertInstant(now, 'now');
  if (now < startedAt) throw new Error('Invalid instant for now: before the incident started');
  for (const key of Object.keys(events) as (keyof IncidentEvents)[]) {
    const at = events[key];
    if (at == null) continue;
    assertInstant(at, key);
    if (at < startedAt) throw new Error(`Invalid instant for ${key}: before the incident started`);
  }
  return rules.map((rule) => {
    const dueAt = new Date(startedAt.getTime() + rule.minutes * minuteMs);
    const atRiskFrom = new Date(dueAt.getTime() - riskWindowMs(rule.minutes, atRisk));
    // An event recorded with a time after `now` (clock skew between servers) still counts as done.
    const doneAt = events[eventOf[rule.kind]] ?? null;
    let state: IncidentClockState;
    let minutesLeft: number | null = null;
    if (doneAt) state = doneAt <= dueAt ? 'met' : 'late';
    else {
      minutesLeft = Math.floor((dueAt.getTime() - now.getTime()) / minuteMs);
      state = now > dueAt ? 'overdue' : now >= atRiskFrom ? 'atRisk' : 'due';
    }
    const clock = {
      kind: rule.kind,
      label: rule.label,
      limitMinutes: rule.minutes,
      strictness: rule.strictness,
      dueAt,
      atRiskFrom,
      doneAt,
      state,
      stateLabel: incidentClockStateLabels[state],
      minutesLeft,
    };
    return { ...clock, summary: summarize(clock) };
  });
}

export interface IncidentAlert {
  kind: IncidentClockKind;
  /** What the clock turned into. */
  turned: 'atRisk' | 'overdue';
  /** The instant it turned. */
  at: Date;
  clock: IncidentClock;
  /** Chinese alert text. */
  message: string;
}

/**
 * S7 alerting: the clocks that turned at risk or overdue in (since, now], and are still not done
 * at `now`. Calling it with consecutive windows (since = the previous call's now) sends each
 * alert exactly once; a clock that turned both at risk and overdue in one window gives only the
 * overdue alert.
 */
export function clocksAtRisk(input: IncidentClockInput & { since: Date }): IncidentAlert[] {
  const { since, now } = input;
  assertInstant(since, 'since');
  if (since > now) throw new Error('Invalid instant for since: after now');
  const alerts: IncidentAlert[] = [];
  for (const clock of incidentClocks(input)) {
    if (clock.doneAt) continue;
    // Overdue at instants strictly after dueAt; at risk from atRiskFrom on.
    if (since <= clock.dueAt && clock.dueAt < now) {
      alerts.push({ kind: clock.kind, turned: 'overdue', at: clock.dueAt, clock, message: `【已超时】${clock.summary}` });
    } else if (since < clock.atRiskFrom && clock.atRiskFrom <= now) {
      alerts.push({ kind: clock.kind, turned: 'atRisk', at: clock.atRiskFrom, clock, message: `【即将到期】${clock.summary}` });
    }
  }
  return alerts;
}
