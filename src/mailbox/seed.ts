import type { Context } from '../platform/db/prisma.js';
import type { MessageChannel, MessageKind } from './core/clocks.js';
import type { MessageStatus } from './core/rules.js';
import type { DemoClock } from '../platform/demo/clock.js';

/*
 * Demo 留言 for 临沧市民政局 (S11, N5): replies published with both times, one withheld for a personal
 * matter, one under review, one waiting for its reply and one just received. Senders and numbers are
 * fictional. Every date moves with the day of seeding (src/platform/demo/clock.ts), so that the demo's clocks run.
 */

interface DemoMessage {
  queryCode: string;
  channel: MessageChannel;
  kind: MessageKind;
  subject: string;
  content: string;
  senderName: string;
  contact: string;
  /** An instant of the story, or days before the seeding for open messages. */
  submittedAt: string | { daysAgo: number };
  status: MessageStatus;
  department?: string; // DemoDepartment.code
  replyText?: string;
  repliedAt?: string;
  /** Published with the reply unless withheld with this reason. */
  withholdReason?: string;
}

const demoMessages: DemoMessage[] = [
  {
    queryCode: 'MZJX-DEMA-22A2',
    channel: 'leaderMailbox',
    kind: 'consultation',
    subject: '农村低保标准调整后什么时候开始按新标准发放？',
    content: '局领导您好：看到新闻说2026年农村低保标准提高了，请问我们村的低保户从几月开始按新标准领取？之前少发的部分会不会补发？',
    senderName: '张明远',
    contact: '13800001234',
    submittedAt: '2026-10-09T09:12:00+08:00',
    status: 'replied',
    department: 'assistance',
    replyText:
      '您好！2026年城乡低保标准调整自2026年7月1日起执行。新标准已于10月起按月发放，7月至9月的差额部分已在10月一并补发到低保对象的“一卡通”账户。如有疑问，可向所在乡镇（街道）民政办咨询。感谢您的来信。',
    repliedAt: '2026-10-16T16:30:00+08:00',
  },
  {
    queryCode: 'MZJX-DEMA-22A3',
    channel: 'leaderMailbox',
    kind: 'suggestion',
    subject: '建议在临翔区增设老年助餐点',
    content:
      '我家住临翔区南屏街道，附近老年人多，子女白天上班，老人吃饭不方便。建议在社区增设老年助餐点，方便高龄和独居老人就近用餐。联系电话13912345678。',
    senderName: '李秀兰',
    contact: '13912345678',
    submittedAt: '2026-10-20T20:05:00+08:00',
    status: 'replied',
    department: 'elderly',
    replyText:
      '感谢您的建议！我局正在推进老年助餐服务体系建设，临翔区计划在2026年底前新增社区老年助餐点6个，其中南屏街道2个，已进入场地改造阶段。建成后将通过社区公告和本网站公布地址和开放时间。',
    repliedAt: '2026-11-03T10:20:00+08:00',
  },
  {
    queryCode: 'MZJX-DEMA-22A4',
    channel: 'webMessage',
    kind: 'consultation',
    subject: '在外地工作能否在临沧办理婚姻登记？',
    content: '我和未婚妻户籍都在临沧，目前都在昆明工作，请问能否在昆明办理结婚登记？需要带哪些材料？',
    senderName: '王浩',
    contact: 'wanghao@example.com',
    submittedAt: '2026-11-02T14:40:00+08:00',
    status: 'replied',
    department: 'affairs',
    replyText:
      '您好！婚姻登记已实行“跨省通办”和省内通办，双方可凭本人有效身份证件和户口簿（或居住证）到昆明市任一婚姻登记机关办理，无需回户籍地。建议提前通过“云南民政”微信公众号预约。',
    repliedAt: '2026-11-06T09:45:00+08:00',
  },
  {
    queryCode: 'MZJX-DEMA-22A5',
    channel: 'hotline96128',
    kind: 'consultation',
    subject: '高龄津贴申领需要哪些材料（96128热线记录）',
    content: '来电人询问：父亲今年满80周岁，户籍在凤庆县，申领高龄津贴需要准备哪些材料、到哪里办理。',
    senderName: '赵女士',
    contact: '0883-6120000',
    submittedAt: '2026-11-10T11:05:00+08:00',
    status: 'replied',
    department: 'elderly',
    replyText:
      '80周岁及以上老年人凭本人身份证、户口簿和银行卡（或社保卡）到户籍所在地村（社区）提出申请，经乡镇（街道）审核、县级民政部门审批后按月发放。子女可代为申请，需另带代办人身份证。',
    repliedAt: '2026-11-12T15:00:00+08:00',
  },
  {
    queryCode: 'MZJX-DEMA-22A6',
    channel: 'leaderMailbox',
    kind: 'complaint',
    subject: '反映某养老机构冬季供暖不足',
    content: '我母亲入住的养老机构最近晚上室内温度低，老人反映很冷，希望民政部门督促整改。',
    senderName: '陈立新',
    contact: '13700005678',
    submittedAt: '2026-11-13T19:30:00+08:00',
    status: 'replied',
    department: 'elderly',
    replyText:
      '收到来信后，我局养老服务科会同属地民政部门到该机构实地检查，已责令其增加取暖设施并每日记录室温，经复查已整改到位。欢迎您继续监督。',
    repliedAt: '2026-11-20T17:10:00+08:00',
  },
  {
    queryCode: 'MZJX-DEMA-22A7',
    channel: 'leaderMailbox',
    kind: 'consultation',
    subject: '本人临时救助申请进度',
    content: '我因家人重病于10月向乡里申请了临时救助，想了解审批进度。',
    senderName: '刘某',
    contact: '13600002468',
    submittedAt: '2026-11-05T08:50:00+08:00',
    status: 'replied',
    department: 'assistance',
    replyText: '经核实，您的临时救助申请已审批，救助金将于本月内发放到您的账户。',
    repliedAt: '2026-11-09T11:00:00+08:00',
    withholdReason: '涉及来信人家庭成员病情和救助金额等个人信息，答复已直接告知本人，不在网站公开。',
  },
  {
    queryCode: 'MZJX-DEMA-22A8',
    channel: 'webMessage',
    kind: 'consultation',
    subject: '残疾人两项补贴能否与低保同时享受？',
    content: '我是二级肢体残疾，家里享受农村低保，请问还能不能同时领取困难残疾人生活补贴和重度残疾人护理补贴？',
    senderName: '杨国华',
    contact: '13500003579',
    submittedAt: { daysAgo: 6 },
    status: 'assigned',
    department: 'assistance',
  },
  {
    queryCode: 'MZJX-DEMA-22A9',
    channel: 'leaderMailbox',
    kind: 'suggestion',
    subject: '建议公开各县区社会组织年检结果',
    content: '建议民政局在网站上集中公开各县区社会组织年度检查结果，方便群众查询和监督。',
    senderName: '周文',
    contact: '13300004680',
    submittedAt: { daysAgo: 1 },
    status: 'received',
  },
];

/** The demo record the day of a seeded demo is read back from (its first message, never edited). */
export const demoClockRecord = { queryCode: demoMessages[0].queryCode, submittedAt: demoMessages[0].submittedAt as string };

/** Seeds the demo messages; idempotent by query code. Returns how many it created. */
export async function seedDemoMailbox(context: Context, clock: DemoClock): Promise<number> {
  const { now } = clock;
  const prisma = context.sudo().prisma;
  let created = 0;
  for (const m of demoMessages) {
    if (await prisma.message.findUnique({ where: { queryCode: m.queryCode } })) continue;
    const department = m.department ? await prisma.department.findFirst({ where: { code: m.department }, select: { id: true } }) : null;
    const submittedAt =
      typeof m.submittedAt === 'string' ? clock.instant(m.submittedAt) : new Date(now.getTime() - m.submittedAt.daysAgo * 86_400_000);
    const repliedAt = m.repliedAt ? clock.instant(m.repliedAt) : null;
    await context.sudo().db.Message.createOne({
      data: {
        queryCode: m.queryCode,
        channel: m.channel,
        kind: m.kind,
        subject: clock.text(m.subject),
        content: clock.text(m.content),
        senderName: m.senderName,
        contact: m.contact,
        submittedAt,
        status: m.status,
        replyText: clock.text(m.replyText ?? ''),
        repliedAt,
        // Published together with the approval, as the workflow does.
        replyPublishedAt: repliedAt && !m.withholdReason ? repliedAt : null,
        isPublic: !m.withholdReason,
        withholdReason: m.withholdReason ?? '',
        ...(department ? { department: { connect: { id: department.id } } } : {}),
      },
    });
    created++;
  }
  return created;
}
