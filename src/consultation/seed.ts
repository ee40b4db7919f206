import type { Context } from '../platform/db/prisma.js';
import type { CalendarDay } from '../platform/calendar/working-days.js';
import { reportFigures, type CommentFacts } from './core/rules.js';
import { paragraphsToHtml } from '../platform/demo/rich-text.js';
import { newQueryCode } from '../platform/public-forms/query-code.js';
import type { DemoClock } from '../platform/demo/clock.js';

/*
 * Demo consultations (征求意见, S2, S11), dated relative to the seed day so the demo always has one open
 * for comment: one open now with comments in each moderation state, one closed with its adoption
 * report (a concentrated opinion not adopted, with its reason) and the decision meeting it went to.
 * The names and contacts of commenters are fictional.
 */

const dayMs = 24 * 3600 * 1000;
const shift = (today: CalendarDay, days: number): CalendarDay =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const at = (day: CalendarDay, time = '09:00') => new Date(`${day}T${time}:00+08:00`);

interface DemoComment {
  name: string;
  contact: string;
  body: string;
  daysAfterOpening: number;
  moderation: 'pending' | 'shown' | 'hidden';
  hiddenReason?: string;
  adoption?: 'adopted' | 'partial' | 'notAdopted';
  adoptionReason?: string;
  opinionGroup?: string;
}

interface DemoConsultation {
  title: string;
  department: string;
  drafter: string;
  draft: string[];
  basis: string;
  contact: string;
  decisionBody: 'partyGroup' | 'directorsMeeting';
  /** Days from the seed day to the first day of the period (negative: in the past), and its length. */
  opensIn: number;
  days: number;
  report?: string;
  comments: DemoComment[];
  meeting?: {
    topic: string;
    daysAfterClosing: number;
    attendeeCategories: string[];
    attendeeNote: string;
    openness: 'public' | 'notPublic';
    openingMethods: string[];
    opennessNote: string;
  };
}

const demoConsultations: DemoConsultation[] = [
  {
    title: '关于《临沧市最低生活保障审核确认实施细则（征求意见稿）》公开征求意见的公告',
    department: 'assistance',
    drafter: 'jiuzhu',
    decisionBody: 'partyGroup',
    opensIn: -10,
    days: 31,
    draft: [
      '第一条　为规范最低生活保障审核确认工作，根据《社会救助暂行办法》《云南省最低生活保障审核确认办法》等规定，结合本市实际，制定本细则。',
      '第二条　共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。',
      '第三条　申请人可以向户籍所在地或者经常居住地乡镇人民政府（街道办事处）提出申请，也可以通过“一部手机办事通”在线申请。',
      '第四条　乡镇人民政府（街道办事处）应当自受理申请之日起20个工作日内完成审核确认；情况复杂的，可以延长至30个工作日。',
    ],
    basis:
      '一、起草依据：《社会救助暂行办法》（国务院令第649号）、民政部《最低生活保障审核确认办法》（民发〔2021〕57号）、《云南省最低生活保障审核确认办法》。\n二、起草过程：2026年以来，我局对各县（区）低保审核确认工作开展调研，在总结实践经验的基础上起草本细则。\n三、主要内容：明确申请条件、申请渠道、审核确认时限和动态管理要求，推行“一部手机办事通”在线申请。',
    contact: '市民政局社会救助科，地址：临沧市临翔区南塘街，邮编677000；电子邮箱：lcmzjjzk@example.gov.cn（请注明“低保细则意见”）',
    comments: [
      {
        name: '李建',
        contact: '13900000001',
        body: '建议对因病、因残导致支出较大的家庭，在计算家庭收入时扣除必要的医疗和康复支出。',
        daysAfterOpening: 1,
        moderation: 'shown',
      },
      {
        name: '',
        contact: 'demo.reader@example.com',
        body: '第四条审核确认时限建议明确从材料齐全之日起计算，并在“一部手机办事通”上可以查询办理进度。联系电话13912345678。',
        daysAfterOpening: 3,
        moderation: 'shown',
      },
      {
        name: '周某',
        contact: '0883-0000001',
        body: '希望增加对外出务工人员异地申请的具体办理说明。',
        daysAfterOpening: 8,
        moderation: 'pending',
      },
      {
        name: '',
        contact: '13900000003',
        body: '这个政策都是骗人的，办事的人全是……（不文明用语）',
        daysAfterOpening: 5,
        moderation: 'hidden',
        hiddenReason: 'abusive',
      },
    ],
  },
  {
    title: '关于《临沧市经济困难高龄失能老年人养老服务补贴实施办法（征求意见稿）》公开征求意见的公告',
    department: 'elderly',
    drafter: 'yanglao',
    decisionBody: 'directorsMeeting',
    opensIn: -75,
    days: 31,
    draft: [
      '第一条　为建立健全经济困难的高龄、失能老年人养老服务补贴制度，根据国家和省有关规定，结合本市实际，制定本办法。',
      '第二条　具有本市户籍、年满80周岁的低保、低保边缘家庭老年人，以及经评估为失能的特困人员以外的经济困难老年人，可以享受养老服务补贴。',
      '第三条　补贴标准为每人每月100元至300元，按照失能等级分档发放，用于购买居家养老服务或者机构养老服务。',
    ],
    basis:
      '一、起草依据：《中华人民共和国老年人权益保障法》、财政部 民政部 全国老龄办《关于建立健全经济困难的高龄 失能等老年人补贴制度的通知》。\n二、主要内容：明确补贴对象、补贴标准、申请审核程序和资金监管要求。',
    contact: '市民政局养老服务科，电子邮箱：lcmzjylk@example.gov.cn（请注明“养老服务补贴意见”）',
    report:
      '本次征求意见期间，共收到社会公众意见5条，经审核公开显示4条。我局对意见逐条研究：关于将农村互助幸福院服务纳入补贴使用范围的集中意见予以采纳，已在第三条中增加相关内容；关于由财政全额承担失能老年人护理费用的集中意见未予采纳，理由见下文。感谢社会各界的关心和支持。',
    comments: [
      {
        name: '王芳芳',
        contact: '13900000011',
        body: '建议补贴可以用于购买农村互助幸福院的助餐、日间照料服务，方便农村老人就近使用。',
        daysAfterOpening: 2,
        moderation: 'shown',
        adoption: 'adopted',
        adoptionReason: '已在第三条中增加“农村互助养老服务”',
        opinionGroup: '将农村互助养老服务纳入补贴使用范围',
      },
      {
        name: '',
        contact: 'demo.village@example.com',
        body: '农村老人去城里的养老机构不方便，希望补贴在村里的互助点也能用。',
        daysAfterOpening: 6,
        moderation: 'shown',
        adoption: 'adopted',
        adoptionReason: '已在第三条中增加“农村互助养老服务”',
        opinionGroup: '将农村互助养老服务纳入补贴使用范围',
      },
      {
        name: '赵先生',
        contact: '13900000012',
        body: '失能老人护理费用很高，建议由政府全额承担。',
        daysAfterOpening: 9,
        moderation: 'shown',
        adoption: 'notAdopted',
        adoptionReason:
          '养老服务补贴是对经济困难老年人购买养老服务的补助，不替代家庭赡养义务；全额承担护理费用超出现行财力和政策规定，失能人员的护理保障将随长期护理保险制度推进统筹考虑',
        opinionGroup: '由财政全额承担失能老年人护理费用',
      },
      {
        name: '',
        contact: '0883-0000012',
        body: '建议政府把失能老人的护理费全部包下来，减轻子女负担。',
        daysAfterOpening: 15,
        moderation: 'shown',
        adoption: 'notAdopted',
        adoptionReason:
          '养老服务补贴是对经济困难老年人购买养老服务的补助，不替代家庭赡养义务；全额承担护理费用超出现行财力和政策规定，失能人员的护理保障将随长期护理保险制度推进统筹考虑',
        opinionGroup: '由财政全额承担失能老年人护理费用',
      },
      {
        name: '刘某',
        contact: '13900000013',
        body: '我家老人叫刘某某，身份证号530902193501011234，住某某村某组，请直接给我们办理补贴。',
        daysAfterOpening: 20,
        moderation: 'hidden',
        hiddenReason: 'personalData',
      },
    ],
    meeting: {
      topic: '审议《临沧市经济困难高龄失能老年人养老服务补贴实施办法》',
      daysAfterClosing: 20,
      attendeeCategories: ['stakeholders', 'experts', 'media'],
      attendeeNote: '邀请2家养老机构负责人、1名老年人家属代表、1名高校社会保障专家列席，临沧日报社记者列席',
      openness: 'public',
      openingMethods: ['report'],
      opennessNote: '会议情况由临沧日报和本网站公开报道',
    },
  },
];

/** Seeds the demo consultations; idempotent (by title): what exists is left as it is. */
export async function seedDemoConsultations(context: Context, clock: DemoClock): Promise<Record<string, number>> {
  const db = context.sudo().db;
  const created = { Consultation: 0, ConsultationComment: 0, ConsultationMeeting: 0 };
  const { today, text } = clock;
  const reviewer = await db.User.findOne({ where: { username: 'bangongshi' } });
  for (const c of demoConsultations) {
    const title = text(c.title);
    if (await db.Consultation.count({ where: { title: { equals: title } } })) continue;
    const department = await db.Department.findOne({ where: { code: c.department } });
    const drafter = await db.User.findOne({ where: { username: c.drafter } });
    const opensOn = shift(today, c.opensIn);
    const closesOn = shift(opensOn, c.days - 1);
    const ended = closesOn < today;
    const comments = c.comments.map((m) => ({
      ...m,
      adoption: m.adoption ?? null,
      adoptionReason: m.adoptionReason ?? '',
      opinionGroup: m.opinionGroup ?? '',
    }));
    const reported = Boolean(c.report && ended);
    const item = await db.Consultation.createOne({
      data: {
        title,
        draftText: paragraphsToHtml(c.draft.map(text)),
        basis: text(c.basis),
        contact: c.contact,
        decisionBody: c.decisionBody,
        opensOn,
        closesOn,
        department: { connect: { id: String(department!.id) } },
        drafter: { connect: { id: String(drafter!.id) } },
        status: reported ? 'reported' : ended ? 'closed' : 'open',
        publishedAt: at(shift(opensOn, -1), '16:00'),
        confidentialityConclusion: '经保密审查，不涉及国家秘密、工作秘密和个人隐私，同意公开征求意见',
        approvedBy: { connect: { id: String(reviewer!.id) } },
        ...(reported
          ? {
              reportText: text(c.report!),
              reportFigures: reportFigures(comments as CommentFacts[]),
              reportPublishedAt: at(shift(closesOn, 10), '10:00'),
            }
          : {}),
      },
    });
    created.Consultation++;
    for (const m of comments) {
      const submitted = shift(opensOn, m.daysAfterOpening);
      await db.ConsultationComment.createOne({
        data: {
          consultation: { connect: { id: String(item.id) } },
          name: m.name,
          contact: m.contact,
          body: m.body,
          summary: [...m.body].slice(0, 40).join(''),
          queryCode: newQueryCode(),
          submittedAt: at(submitted, '20:15'),
          moderation: m.moderation,
          hiddenReason: m.hiddenReason ?? null,
          ...(m.moderation === 'pending'
            ? {}
            : { moderatedAt: at(shift(submitted, 1)), moderatedBy: { connect: { id: String(drafter!.id) } } }),
          adoption: m.adoption,
          adoptionReason: m.adoptionReason,
          opinionGroup: m.opinionGroup,
        },
      });
      created.ConsultationComment++;
    }
    if (c.meeting) {
      const { daysAfterClosing, ...meeting } = c.meeting;
      await db.ConsultationMeeting.createOne({
        data: {
          ...meeting,
          decisionBody: c.decisionBody,
          meetingOn: shift(closesOn, daysAfterClosing),
          consultation: { connect: { id: String(item.id) } },
        },
      });
      created.ConsultationMeeting++;
    }
  }
  return created;
}
