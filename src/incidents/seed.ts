import type { DemoClock } from '../platform/demo/clock.js';
import type { Context } from '../platform/db/prisma.js';

const minutes = (n: number) => n * 60_000;

interface DemoIncident {
  title: string;
  level: string;
  category: string;
  handling: string;
  departments: string[];
  description: string;
  /** Minutes before the seed time. */
  startedMinutesAgo: number;
  /** Minutes after the start, and who recorded it (username). */
  events: Partial<Record<'phoneReport' | 'writtenReport' | 'authoritativeInfo' | 'pressConference' | 'closed', [number, string]>>;
  outcomeDocuments?: string[];
  policeReferralNote?: string;
  registeredBy: string;
}

/**
 * S6, S7 in the demo, relative to the seed time: one incident handled within every limit and closed
 * with its published outcome, one 较大 emergency whose written report is overdue, one 重大政务舆情
 * running. Fictional events; no real persons.
 */
const demoIncidents: DemoIncident[] = [
  {
    title: '临翔区某乡镇山洪灾害受灾群众安置引发网络关注',
    level: 'major',
    category: 'emergenciesAndDisasters',
    handling: 'authoritativeInformation',
    departments: ['relief', 'office'],
    description: '强降雨引发山洪，网民发帖质疑受灾群众安置点物资不足。救灾科核实：已转移安置群众 326 人，首批救灾物资已到位。',
    startedMinutesAgo: 12 * 24 * 60,
    events: {
      phoneReport: [12, 'jiuzai'],
      writtenReport: [35, 'jiuzai'],
      authoritativeInfo: [180, 'bangongshi'],
      pressConference: [20 * 60, 'bangongshi'],
      closed: [3 * 24 * 60, 'bangongshi'],
    },
    outcomeDocuments: ['市民政局部署做好受灾困难群众基本生活保障衔接工作'],
    registeredBy: 'jiuzai',
  },
  {
    title: '某养老机构一名老人走失引发网络关注',
    level: 'relativelyMajor',
    category: 'serviceUsersInterests',
    handling: 'publishInvestigation',
    departments: ['elderly'],
    description: '网民发帖称某养老机构入住老人走失近 6 小时未找到，质疑机构管理。养老服务科已派员赴现场核实，老人已由派出所协助找回。',
    startedMinutesAgo: 45,
    events: {},
    registeredBy: 'yanglao',
  },
  {
    title: '网传“我市城乡低保标准下调”引发关注',
    level: 'majorOpinion',
    category: 'decisionsAndPolicies',
    handling: 'referFalseInformation',
    departments: ['assistance', 'office'],
    description: '短视频平台流传“临沧城乡低保标准下调、部分对象停发”的说法，转发量较大。经核实，2026 年标准已上调，系不实信息。',
    startedMinutesAgo: 40,
    events: {},
    policeReferralNote: '已将发布不实信息的账号线索移交市公安局网安支队，待反馈。',
    registeredBy: 'jiuzhu',
  },
];

/** Seeds the demo incidents (by title: what exists is left as it is); returns how many were created. */
export async function seedDemoIncidents(context: Context, { now, text }: DemoClock): Promise<number> {
  const db = context.sudo().db;
  const prisma = context.sudo().prisma;
  let created = 0;
  for (const incident of demoIncidents) {
    if (await db.OpinionIncident.count({ where: { title: { equals: incident.title } } })) continue;
    const user = async (username: string) => ({
      connect: { id: (await prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id },
    });
    const departments = await prisma.department.findMany({ where: { code: { in: incident.departments } }, select: { id: true } });
    const documents = await prisma.document.findMany({
      where: { title: { in: (incident.outcomeDocuments ?? []).map(text) } },
      select: { id: true },
    });
    const startedAt = new Date(now.getTime() - minutes(incident.startedMinutesAgo));
    const data: Record<string, unknown> = {
      title: incident.title,
      level: incident.level,
      category: incident.category,
      handling: incident.handling,
      description: text(incident.description),
      startedAt,
      createdAt: new Date(startedAt.getTime() + minutes(5)),
      departments: { connect: departments },
      outcomeDocuments: { connect: documents },
      policeReferralNote: incident.policeReferralNote ?? '',
      registeredBy: await user(incident.registeredBy),
    };
    for (const [event, [after, username]] of Object.entries(incident.events)) {
      const at = new Date(startedAt.getTime() + minutes(after));
      Object.assign(
        data,
        event === 'closed'
          ? { closedAt: at, closedBy: await user(username) }
          : { [`${event}At`]: at, [`${event}By`]: await user(username) },
      );
    }
    await db.OpinionIncident.createOne({ data });
    created++;
  }
  return created;
}
