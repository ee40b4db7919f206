import type { Context } from '../platform/db/prisma.js';
import { addWorkingDays, isWorkingDay, type CalendarDay } from '../platform/calendar/working-days.js';
import { calendarDayValue } from '../platform/db/calendar-day.js';
import type { ApplicantType, RequestOutcome } from './core/request-vocabulary.js';
import type { RequestChannel } from './core/vocabulary.js';
import type { DemoClock } from '../platform/demo/clock.js';

/*
 * Demo requests for disclosure (N13, N14) of 临沧市民政局, as of the story day (src/platform/demo/clock.ts): 2025
 * complete (every outcome kind the annual report shows, one extended with notice, one corrected), two
 * received late in December 2025 and answered in January 2026 (carried over), and 2026 up to today
 * with some still open. Applicants are fictional (某某), phones obviously so. The closed ones move with
 * the day of seeding (to the next working day when they land on a day off); the open ones are placed
 * from the seeding day on the working-day calendar, so the demo 待办 always has one due in exactly 3
 * working days, one running and one extended, whatever day it is seeded on.
 */

export interface DemoRequest {
  topic: string;
  description: string;
  applicantType: ApplicantType;
  applicantName: string;
  channel: RequestChannel;
  /** The day of receipt (条例 第三十一条); null: an online application not yet confirmed. */
  receivedOn: CalendarDay | null;
  department: string; // demo department code
  correction?: { requestedOn: CalendarDay; receivedOn: CalendarDay | null; note: string };
  extension?: { approvedOn: CalendarDay; noticeSentOn: CalendarDay; reason: string };
  outcome?: RequestOutcome;
  closedOn?: CalendarDay;
  shouldBeProactive?: boolean;
}

/** `n` working days before `day` (the inverse of addWorkingDays). */
function workingDaysBefore(day: CalendarDay, n: number): CalendarDay {
  let time = Date.parse(`${day}T00:00:00Z`);
  for (let left = n; left > 0;) {
    time -= 86_400_000;
    if (isWorkingDay(new Date(time).toISOString().slice(0, 10))) left--;
  }
  return new Date(time).toISOString().slice(0, 10);
}

const person = (name: string) => ({ applicantType: 'naturalPerson' as const, applicantName: name });
const org = (applicantType: ApplicantType, applicantName: string) => ({ applicantType, applicantName });

/** Days on which the demo's open requests are due soon: 3 working days left. */
export const demoDueSoonWorkingDays = 3;

export function demoRequests(clock: DemoClock): DemoRequest[] {
  const { today } = clock;
  // A story day moved onto a day off is received the next working day.
  const on = (day: CalendarDay) => {
    let moved = clock.day(day);
    while (!isWorkingDay(moved)) moved = addWorkingDays(moved, 1);
    return moved;
  };
  const answered = (receivedOn: CalendarDay, workingDays: number, outcome: RequestOutcome) => ({
    receivedOn: on(receivedOn),
    outcome,
    closedOn: addWorkingDays(on(receivedOn), workingDays),
  });
  const extendedReceived = on('2025-06-09');
  const correctedReceived = on('2025-08-04');
  const unclearReceived = on('2025-10-13');
  const openExtended = workingDaysBefore(today, 25);
  // Received so that its 20 working days end exactly 3 working days after today (also on a day off).
  const dueSoonReceived = workingDaysBefore(addWorkingDays(today, demoDueSoonWorkingDays), 20);
  return [
    // ——— 2025: all closed ———
    {
      topic: '城乡低保标准调整文件',
      description: '2025年临沧市城乡最低生活保障标准调整的通知及测算依据',
      ...person('张某某'),
      channel: 'online',
      department: 'assistance',
      ...answered('2025-01-13', 8, 'disclosed'),
      shouldBeProactive: true,
    },
    {
      topic: '养老机构星级评定结果',
      description: '2024年度全市养老机构等级评定结果名单',
      ...org('business', '某某养老服务有限公司'),
      channel: 'letter',
      department: 'elderly',
      ...answered('2025-02-17', 12, 'disclosed'),
    },
    {
      topic: '临时救助审批流程',
      description: '临时救助审批权限下放乡镇（街道）的文件',
      ...person('李某'),
      channel: 'inPerson',
      department: 'assistance',
      ...answered('2025-03-10', 5, 'disclosed'),
    },
    {
      topic: '社会组织年检结果',
      description: '2024年度市本级社会组织年度检查结论',
      ...org('research', '某某大学公共管理研究中心'),
      channel: 'email',
      department: 'orgs',
      ...answered('2025-03-24', 15, 'partlyDisclosed'),
    },
    {
      topic: '婚姻登记处收费依据',
      description: '婚姻登记工本费的收费依据文件',
      ...person('王某某'),
      channel: 'online',
      department: 'affairs',
      ...answered('2025-04-14', 6, 'disclosed'),
    },
    {
      topic: '某低保户家庭收入核查材料',
      description: '本村某户低保家庭收入、财产核查材料',
      ...person('赵某'),
      channel: 'letter',
      department: 'assistance',
      ...answered('2025-04-28', 14, 'withheldThirdPartyRights'),
    },
    {
      topic: '养老服务设施建设项目资金',
      description: '2024年度养老服务设施建设补助资金分配及使用情况',
      ...org('publicInterest', '某某公益发展中心'),
      channel: 'online',
      department: 'elderly',
      receivedOn: extendedReceived,
      extension: {
        approvedOn: addWorkingDays(extendedReceived, 15),
        noticeSentOn: addWorkingDays(extendedReceived, 16),
        reason: '涉及多个县（区）资金拨付凭证，需逐一调取核对',
      },
      outcome: 'partlyDisclosed',
      closedOn: addWorkingDays(extendedReceived, 31),
    },
    {
      topic: '殡葬改革实施方案讨论稿',
      description: '殡葬改革三年行动方案的讨论稿及各单位反馈意见',
      ...person('陈某某'),
      channel: 'online',
      department: 'affairs',
      ...answered('2025-07-07', 10, 'withheldProcessInformation'),
    },
    {
      topic: '困难残疾人生活补贴发放',
      description: '我县困难残疾人生活补贴发放标准',
      ...person('周某'),
      channel: 'letter',
      department: 'assistance',
      receivedOn: correctedReceived,
      correction: {
        requestedOn: addWorkingDays(correctedReceived, 3),
        receivedOn: addWorkingDays(correctedReceived, 9),
        note: '请明确所指县（区）及年度',
      },
      outcome: 'disclosed',
      closedOn: addWorkingDays(addWorkingDays(correctedReceived, 9), 11),
    },
    {
      topic: '2010年前救灾物资台账',
      description: '2008年抗震救灾物资接收发放台账',
      ...org('legalServices', '某某律师事务所'),
      channel: 'fax',
      department: 'relief',
      ...answered('2025-09-08', 9, 'unavailableNotHeld'),
    },
    {
      topic: '全市社区养老服务统计分析',
      description: '按乡镇汇总的社区养老服务使用人数及满意度分析报告',
      ...org('research', '某某学院社会学系'),
      channel: 'email',
      department: 'elderly',
      ...answered('2025-09-22', 13, 'unavailableNeedsCreation'),
    },
    {
      topic: '有关补助的文件',
      description: '民政局关于补助的所有文件',
      ...person('吴某某'),
      channel: 'online',
      department: 'office',
      receivedOn: unclearReceived,
      correction: {
        requestedOn: addWorkingDays(unclearReceived, 2),
        receivedOn: addWorkingDays(unclearReceived, 7),
        note: '请说明补助的种类、年度或文件名称',
      },
      outcome: 'unavailableUnclear',
      closedOn: addWorkingDays(addWorkingDays(unclearReceived, 7), 10),
    },
    {
      topic: '城乡低保标准调整文件',
      description: '2025年低保标准调整通知（已于1月申请获取）',
      ...person('张某某'),
      channel: 'online',
      department: 'assistance',
      ...answered('2025-11-03', 4, 'notProcessedRepeated'),
    },
    {
      topic: '地名命名审批材料',
      description: '新建道路命名的审批材料',
      ...org('otherOrganization', '某某社区居民委员会'),
      channel: 'inPerson',
      department: 'affairs',
      ...answered('2025-11-17', 7, 'disclosed'),
    },
    // Late December 2025, answered in January 2026: carried over to 2026.
    {
      topic: '冬春救助资金分配方案',
      description: '2025—2026年度冬春生活救助资金分配方案',
      ...person('郑某'),
      channel: 'online',
      department: 'assistance',
      ...answered('2025-12-22', 12, 'disclosed'),
    },
    {
      topic: '慈善组织认定名单',
      description: '市本级认定的慈善组织名单及年报',
      ...org('business', '某某科技有限公司'),
      channel: 'letter',
      department: 'orgs',
      ...answered('2025-12-29', 10, 'partlyDisclosed'),
    },
    // ——— 2026 ———
    {
      topic: '2026年特困人员供养标准',
      description: '2026年特困人员基本生活标准的通知',
      ...person('孙某某'),
      channel: 'online',
      department: 'assistance',
      ...answered('2026-02-09', 6, 'disclosed'),
    },
    {
      topic: '养老机构消防检查结果',
      description: '2026年一季度养老机构消防安全检查通报',
      ...org('publicInterest', '某某志愿者协会'),
      channel: 'email',
      department: 'elderly',
      ...answered('2026-04-13', 11, 'withheldSecurityStability'),
    },
    {
      topic: '流浪乞讨人员救助统计',
      description: '2025年救助管理站救助人次统计',
      ...person('马某'),
      channel: 'online',
      department: 'affairs',
      ...answered('2026-09-07', 8, 'disclosed'),
    },
    // Open: one extended with notice, one due soon, one running, one online not yet confirmed.
    {
      topic: '社会组织行政处罚案卷',
      description: '2025年对某社会组织作出行政处罚的决定书及案卷',
      ...org('legalServices', '某某律师事务所'),
      channel: 'letter',
      department: 'orgs',
      receivedOn: openExtended,
      extension: {
        approvedOn: addWorkingDays(openExtended, 14),
        noticeSentOn: addWorkingDays(openExtended, 15),
        reason: '案卷涉及第三方，需征求第三方意见',
      },
    },
    {
      topic: '高龄津贴发放名单',
      description: '本街道2026年高龄津贴发放人员名单',
      ...person('刘某某'),
      channel: 'online',
      department: 'elderly',
      receivedOn: dueSoonReceived,
    },
    {
      topic: '区划调整论证材料',
      description: '乡镇行政区划调整的论证报告',
      ...person('黄某'),
      channel: 'inPerson',
      department: 'policy',
      receivedOn: workingDaysBefore(today, 4),
    },
    {
      topic: '儿童福利机构运营经费',
      description: '市儿童福利院2026年运营经费预算',
      ...org('publicInterest', '某某儿童关爱中心'),
      channel: 'online',
      department: 'affairs',
      receivedOn: null,
    },
  ];
}

const queryAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const demoQueryCode = (index: number) => `SHEN-QING-AA${queryAlphabet[Math.floor(index / 31)]}${queryAlphabet[index % 31]}`;

/** The receipt evidence field for a channel (条例 第三十一条), so the list's hook fixes `receivedOn`. */
const evidenceField: Record<RequestChannel, 'handedInOn' | 'signedForOn' | 'confirmedOn'> = {
  inPerson: 'handedInOn',
  letter: 'signedForOn',
  online: 'confirmedOn',
  email: 'confirmedOn',
  fax: 'confirmedOn',
};

/** Seeds the demo requests (idempotent, by query code); returns how many were created. */
export async function seedDemoRequests(
  context: Context,
  {
    departmentIds,
    leaderId,
    answererId,
    clock,
  }: { departmentIds: Map<string, string>; leaderId: string; answererId: string; clock: DemoClock },
): Promise<number> {
  const db = context.sudo().db;
  const prisma = context.sudo().prisma;
  let created = 0;
  for (const [index, r] of demoRequests(clock).entries()) {
    const queryCode = demoQueryCode(index);
    if (await db.DisclosureRequest.count({ where: { queryCode: { equals: queryCode } } })) continue;
    const item = await db.DisclosureRequest.createOne({
      data: {
        queryCode,
        topic: clock.text(r.topic),
        description: clock.text(r.description),
        applicantType: r.applicantType,
        applicantName: r.applicantName,
        ...(r.applicantType === 'naturalPerson'
          ? { idDocumentType: 'residentId', idNumber: '5309**********0000' }
          : { contactPerson: '某某（联系人）' }),
        phone: `1380000${String(index).padStart(4, '0')}`,
        deliveryMethod: r.channel === 'email' || r.channel === 'online' ? 'email' : 'paperByPost',
        channel: r.channel,
        ...(r.channel === 'online' ? { submittedAt: new Date(`${r.receivedOn ?? clock.today}T09:30:00+08:00`) } : {}),
        ...(r.receivedOn ? { [evidenceField[r.channel]]: r.receivedOn } : {}),
        department: { connect: { id: departmentIds.get(r.department)! } },
        ...(r.correction
          ? {
              correctionRequestedOn: r.correction.requestedOn,
              correctionReceivedOn: r.correction.receivedOn,
              correctionNote: r.correction.note,
            }
          : {}),
        shouldBeProactive: r.shouldBeProactive ?? false,
      },
    });
    // The extension and the answer are the actions' fields: written as they would have left them.
    const id = String(item.id);
    if (r.extension || r.outcome) {
      await prisma.disclosureRequest.update({
        where: { id },
        data: {
          ...(r.extension
            ? {
                extensionApprovedOn: calendarDayValue(prisma, r.extension.approvedOn),
                extensionNoticeSentOn: calendarDayValue(prisma, r.extension.noticeSentOn),
                extensionNoticeMethod: 'post',
                extensionReason: r.extension.reason,
                extensionApprovedById: leaderId,
              }
            : {}),
          ...(r.outcome
            ? {
                outcome: r.outcome,
                closedOn: calendarDayValue(prisma, r.closedOn!),
                answeredById: answererId,
                replyText: '经查，现将您申请的政府信息答复如下（详见答复书）。',
              }
            : {}),
        },
      });
    }
    created++;
  }
  return created;
}
