import { addWorkingDays, assertCalendarDay, isWorkingDay, type CalendarDay } from '../../platform/calendar/working-days.js';

/*
 * The rules of consultations on draft decisions (征求意见, S2, S11) as pure functions: no Keystone, no
 * database, no clock of their own (every function takes `today`, the day in China). The Keystone
 * actions, hooks, public routes and 待办 only load the facts and call these.
 */

export const consultationStatusOptions = [
  { value: 'draft', label: '草稿' },
  { value: 'review', label: '待审核' },
  { value: 'open', label: '征求意见中' },
  { value: 'closed', label: '征求意见已结束' },
  { value: 'reported', label: '已公布采纳情况' },
] as const;
export type ConsultationStatus = (typeof consultationStatusOptions)[number]['value'];

/** The statuses the public sees: published, whatever the period. */
export const publicConsultationStatuses: ConsultationStatus[] = ['open', 'closed', 'reported'];

// S2: the decision meeting the draft goes to.
export const decisionBodyOptions = [
  { value: 'partyGroup', label: '党组会' },
  { value: 'directorsMeeting', label: '局长办公会' },
] as const;

export const moderationOptions = [
  { value: 'pending', label: '待审核' },
  { value: 'shown', label: '公开显示' },
  { value: 'hidden', label: '不予显示' },
] as const;
export type Moderation = (typeof moderationOptions)[number]['value'];

export const hiddenReasonOptions = [
  { value: 'abusive', label: '含有辱骂、攻击性内容' },
  { value: 'offTopic', label: '与征求意见事项无关' },
  { value: 'personalData', label: '含有个人隐私信息' },
  { value: 'advertising', label: '广告或垃圾信息' },
  { value: 'duplicate', label: '重复提交' },
  { value: 'other', label: '其他（见说明）' },
] as const;

export const adoptionOptions = [
  { value: 'adopted', label: '采纳' },
  { value: 'partial', label: '部分采纳' },
  { value: 'notAdopted', label: '未采纳' },
] as const;
export type Adoption = (typeof adoptionOptions)[number]['value'];

// S2: who attends a meeting on a major livelihood topic.
export const attendeeCategoryOptions = [
  { value: 'stakeholders', label: '利益相关方' },
  { value: 'publicRepresentatives', label: '公众代表' },
  { value: 'experts', label: '专家' },
  { value: 'media', label: '媒体' },
] as const;

export const meetingOpennessOptions = [
  { value: 'notPublic', label: '不公开' },
  { value: 'public', label: '公开' },
] as const;

export const openingMethodOptions = [
  { value: 'liveStream', label: '网络直播' },
  { value: 'report', label: '公开报道' },
  { value: 'observers', label: '旁听' },
  { value: 'pressRelease', label: '新闻发布' },
] as const;

export const labelOf = (options: readonly { value: string; label: string }[], value: string | null | undefined): string =>
  options.find((o) => o.value === value)?.label ?? '';

/**
 * 《重大行政决策程序暂行条例》（国务院令第713号）第十四条: the period of public comment is normally not
 * less than 30 days; where it is shortened (an emergency…), the reason is stated when consulting.
 */
export const minimumPeriodDays = 30;

const dayMs = 24 * 3600 * 1000;
const dayNumber = (day: CalendarDay) => Date.parse(`${assertCalendarDay(day)}T00:00:00Z`) / dayMs;

/** Days of the period, both the opening and the closing day counted (11-10 to 12-09 is 30 days). */
export function periodDays(opensOn: CalendarDay, closesOn: CalendarDay): number {
  return dayNumber(closesOn) - dayNumber(opensOn) + 1;
}

export interface PeriodInput {
  opensOn: CalendarDay | null;
  closesOn: CalendarDay | null;
  /** Why the period is shorter than 30 days (情况紧急等), stated publicly with the consultation. */
  shortPeriodReason?: string | null;
}

/** What is wrong with a comment period, in Chinese; empty when it may be published. */
export function periodProblems({ opensOn, closesOn, shortPeriodReason }: PeriodInput): string[] {
  if (!opensOn || !closesOn) return ['请填写征求意见的起止日期'];
  const days = periodDays(opensOn, closesOn);
  if (days < 1) return ['征求意见截止日期不能早于开始日期'];
  if (days < minimumPeriodDays && !shortPeriodReason?.trim()) {
    return [`征求意见期限为 ${days} 日，少于 ${minimumPeriodDays} 日：请延长期限，或填写缩短期限的理由（将与征求意见稿一并公布）`];
  }
  return [];
}

export type PeriodState = 'notYetOpen' | 'open' | 'ended';

/** Where the period stands on `today` (a day in China): comments are taken on the opening and closing day too. */
export function periodState(period: { opensOn: CalendarDay; closesOn: CalendarDay }, today: CalendarDay): PeriodState {
  if (today < assertCalendarDay(period.opensOn)) return 'notYetOpen';
  if (today > assertCalendarDay(period.closesOn)) return 'ended';
  return 'open';
}

/** Whether the public form takes a comment: a published consultation within its period. */
export function acceptsComments(
  c: { status: string; opensOn: CalendarDay | null; closesOn: CalendarDay | null },
  today: CalendarDay,
): boolean {
  return (
    c.status === 'open' && Boolean(c.opensOn && c.closesOn) && periodState({ opensOn: c.opensOn!, closesOn: c.closesOn! }, today) === 'open'
  );
}

export interface DraftFacts extends PeriodInput {
  title: string | null;
  hasDraftText: boolean;
  basis: string | null;
  contact: string | null;
  decisionBody: string | null;
}

/** S2: what a consultation needs before it goes to review and publication. */
export function publicationProblems(draft: DraftFacts): string[] {
  const problems: string[] = [];
  if (!draft.title?.trim()) problems.push('请填写标题');
  if (!draft.hasDraftText) problems.push('请填写征求意见稿正文');
  if (!draft.basis?.trim()) problems.push('请填写起草依据和说明（S2：草案须连同依据一并公布）');
  if (!draft.contact?.trim()) problems.push('请填写书面意见的联系方式（承办科室、地址或电子邮箱）');
  if (!draft.decisionBody) problems.push('请选择提交的决策会议（党组会或局长办公会）');
  return [...problems, ...periodProblems(draft)];
}

export interface CommentFacts {
  moderation: Moderation;
  adoption: Adoption | null;
  adoptionReason: string | null;
  /** The 集中意见 the comment belongs to (comments with the same wording form one), or blank. */
  opinionGroup: string | null;
}

// Type aliases, not interfaces: the figures are stored in a JSON column, which takes object types without declared index signatures only as aliases.
export type ConcentratedOpinion = {
  name: string;
  comments: number;
  adoption: Adoption | null;
  reason: string;
};

export type ReportFigures = {
  received: number;
  shown: number;
  hidden: number;
  adopted: number;
  partial: number;
  notAdopted: number;
  opinions: ConcentratedOpinion[];
};

/** The figures of the adoption report (意见采纳情况), computed from the comments, never typed. */
export function reportFigures(comments: CommentFacts[]): ReportFigures {
  const count = (test: (c: CommentFacts) => boolean) => comments.filter(test).length;
  const groups = new Map<string, CommentFacts[]>();
  for (const c of comments) {
    const name = c.opinionGroup?.trim();
    if (name) groups.set(name, [...(groups.get(name) ?? []), c]);
  }
  const opinions = [...groups].map(([name, members]) => {
    const decisions = new Set(members.map((m) => m.adoption));
    const reasons = [...new Set(members.map((m) => m.adoptionReason?.trim() ?? '').filter(Boolean))];
    return { name, comments: members.length, adoption: decisions.size === 1 ? members[0]!.adoption : null, reason: reasons.join('；') };
  });
  return {
    received: comments.length,
    shown: count((c) => c.moderation === 'shown'),
    hidden: count((c) => c.moderation === 'hidden'),
    adopted: count((c) => c.adoption === 'adopted'),
    partial: count((c) => c.adoption === 'partial'),
    notAdopted: count((c) => c.adoption === 'notAdopted'),
    opinions,
  };
}

/**
 * S11: what keeps an adoption report from being published, in Chinese. Every comment is moderated,
 * every shown comment has a decision, a concentrated opinion has one decision for all its comments,
 * and one not adopted — wholly or in part, the part left out being not adopted — states its reason.
 */
export function reportProblems(input: { reportText: string | null; periodEnded: boolean; comments: CommentFacts[] }): string[] {
  const problems: string[] = [];
  if (!input.periodEnded) problems.push('征求意见期限尚未结束，不能公布采纳情况');
  if (!input.reportText?.trim()) problems.push('请填写意见采纳情况说明');
  const pending = input.comments.filter((c) => c.moderation === 'pending').length;
  if (pending) problems.push(`尚有 ${pending} 条意见未审核`);
  const undecided = input.comments.filter((c) => c.moderation === 'shown' && !c.adoption).length;
  if (undecided) problems.push(`尚有 ${undecided} 条公开显示的意见未标明是否采纳`);
  for (const opinion of reportFigures(input.comments).opinions) {
    if (opinion.adoption === null) problems.push(`集中意见“${opinion.name}”中的意见采纳结论不一致或未标明，请统一`);
    else if (opinion.adoption !== 'adopted' && !opinion.reason)
      problems.push(`集中意见“${opinion.name}”${opinion.adoption === 'partial' ? '部分采纳' : '未采纳'}，必须说明理由（S11）`);
  }
  return problems;
}

/** Why a moderation decision cannot be saved, or null. */
export function moderationProblem(c: { moderation: Moderation; hiddenReason: string | null }): string | null {
  return c.moderation === 'hidden' && !c.hiddenReason ? '不予显示的意见须选择原因' : null;
}

export interface MeetingPlan {
  topic: string | null;
  meetingOn: CalendarDay | null;
  attendeeCategories: string[] | null;
  openness: string | null;
  openingMethods: string[] | null;
}

/** S2: a meeting plan states who attends (by category) and whether and how the meeting is made public. */
export function meetingPlanProblems(plan: MeetingPlan): string[] {
  const problems: string[] = [];
  if (!plan.topic?.trim()) problems.push('请填写会议议题');
  if (!plan.meetingOn) problems.push('请填写会议日期');
  if (!plan.attendeeCategories?.length) problems.push('请选择列席人员类别（利益相关方、公众代表、专家、媒体），S2 要求会议方案载明');
  if (!plan.openness) problems.push('请说明会议是否公开（S2）');
  else if (plan.openness === 'public' && !plan.openingMethods?.length)
    problems.push('公开的会议须选择公开方式（网络直播、公开报道、旁听等）');
  else if (plan.openness === 'notPublic' && plan.openingMethods?.length) problems.push('不公开的会议不能选择公开方式');
  return problems;
}

/**
 * When the adoption report of a closed consultation is due. No national rule fixes a number of days;
 * S2 requires comment collection and its adoption to be attached to the decision meeting, so the
 * report is due on the last working day before that meeting, and at the latest 15 working days after
 * the period closes (three working weeks: a limit chosen here, not a national one, so that a report
 * waiting for a meeting not yet planned does not wait forever).
 */
export function reportDueOn(closesOn: CalendarDay, meetingDays: CalendarDay[]): CalendarDay {
  const latest = addWorkingDays(closesOn, reportLimitWorkingDays);
  const beforeMeetings = meetingDays.filter((d) => d > closesOn).map(lastWorkingDayBefore);
  return [latest, ...beforeMeetings].sort()[0]!;
}

export const reportLimitWorkingDays = 15;

function lastWorkingDayBefore(day: CalendarDay): CalendarDay {
  let d = dayNumber(day) - 1;
  while (!isWorkingDay(new Date(d * dayMs).toISOString().slice(0, 10))) d--;
  return new Date(d * dayMs).toISOString().slice(0, 10);
}
