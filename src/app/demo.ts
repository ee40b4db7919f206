import { jsonToField, type Context } from '../platform/db/prisma.js';
import { guideData, seedGuideForms, validityData, validityLinks } from '../guides/seed-forms.js';
import {
  demoCatalogue,
  demoColumns,
  demoDepartments,
  demoDocuments,
  demoInterpretations,
  demoUsers,
  type DemoColumn,
  type DemoChart,
  type DemoTable,
} from '../workflow/seed.js';
import { REAL_SOURCES } from '../../syndication/core/sources.js';
import { seedDemoReports } from '../reports/seed.js';
import { formatIndexNumber } from '../workflow/operations/index-number.js';
import { publishItems, type PublicationItem } from '../workflow/operations/publication.js';
import { seedDemoIncidents } from '../incidents/seed.js';
import { seedDemoRequests } from '../requests/seed.js';
import { seedDemoMailbox } from '../mailbox/seed.js';
import { seedDemoConsultations } from '../consultation/seed.js';
import { starterDictionary } from '../workflow/core/starter-dictionary.js';
import { seedDemoVisits } from '../site/visits/seed.js';
import { seedDemoWebsiteReport } from '../reports/seed-website.js';
import { demoClock, demoClockSeededAt, type DemoClock } from '../platform/demo/clock.js';
import { paragraphsToHtml, tableToHtml } from '../platform/demo/rich-text.js';
import { chartFigure } from '../platform/content/rich-html.js';
import { demoClockRecord } from '../mailbox/seed.js';

/** The password of every demo account (listed in the README); change it on a real site. */
export const demoPassword = process.env.GONGKAI_DEMO_PASSWORD ?? 'gongkai2026';

/** The bureau's organisation code, the first part of every 索引号. */
const organisationCode = '11530900015183291L';

/** A chart block as the body editor stores it (src/platform/content/rich-html.ts). */
export function chartBlock(chart: DemoChart): string {
  const { kind, title, unit, source, data } = chart;
  return chartFigure({ kind, title, unit, source, data });
}

/** Paragraphs with chart blocks and tables, each after the paragraph (from 0) it belongs to. */
function bodyHtml(
  paragraphs: string[],
  { charts = [], tables = [] }: { charts?: (DemoChart & { after: number })[]; tables?: DemoTable[] } = {},
) {
  return paragraphs
    .map((paragraph, i) =>
      [
        paragraphsToHtml([paragraph]),
        ...charts.filter((c) => c.after === i).map(chartBlock),
        ...tables.filter((t) => t.after === i).map(tableToHtml),
      ].join(''),
    )
    .join('');
}

/** The 索引号 of the n-th demo document of a year: 组织机构代码/年份-序号. */
export function demoIndexNumber(year: number, serial: number): string {
  return formatIndexNumber(organisationCode, String(year), serial);
}

/**
 * Where two demo drafts stand in the workflow, so the demo 待办 has something in it: one returned to
 * its drafter (退文) with the office's reason, one waiting for the office's review.
 */
const demoWorkflow: Record<string, { status: 'draft' | 'submitted'; lastReturnReason?: string }> = {
  'winter-spring-assistance-draft': { status: 'draft', lastReturnReason: '请补充救助资金来源和发放时间安排，并核对受益人数。' },
  'orgs-supervision-draft': { status: 'submitted' },
};

export interface SeedReport {
  created: Record<string, number>;
}

/**
 * The clock of the demo in this database: the day it was first seeded, read back from one of its
 * records, or `now` for a new demo (see src/platform/demo/clock.ts).
 */
async function clockOf(context: Context, now: Date): Promise<DemoClock> {
  const record = await context
    .sudo()
    .prisma.message.findUnique({ where: { queryCode: demoClockRecord.queryCode }, select: { submittedAt: true } });
  return record?.submittedAt ? demoClockSeededAt(demoClockRecord.submittedAt, record.submittedAt, now) : demoClock(now);
}

/**
 * Seeds the demo site: departments, one account per role, the column tree of a civil-affairs
 * bureau, documents (among them the bureau's own disclosure rules) and interpretations, the public's
 * messages, requests and comments, incidents and reports, every date relative to `now` (the day of
 * seeding) as src/platform/demo/clock.ts describes. Idempotent: what exists (by code, username, slug, 索引号, title
 * or query code) is left exactly as it is, and a demo seeded earlier is completed on its own day.
 */
export async function seedDemo(
  context: Context,
  { baseUrl = 'http://localhost:3000', now = new Date() }: { baseUrl?: string; now?: Date } = {},
): Promise<SeedReport> {
  const db = context.sudo().db;
  const clock = await clockOf(context, now);
  const created: Record<string, number> = {
    Department: 0,
    User: 0,
    Column: 0,
    Document: 0,
    Interpretation: 0,
    CatalogueEntry: 0,
    SyndicationSource: 0,
    SiteSettings: 0,
    MonitorSettings: 0,
  };

  const departmentIds = new Map<string, string>();
  for (const [order, department] of demoDepartments.entries()) {
    const existing = await db.Department.findOne({ where: { code: department.code } });
    const item = existing ?? (created.Department++, await db.Department.createOne({ data: { ...department, order } }));
    departmentIds.set(department.code, String(item.id));
  }

  const userIds = new Map<string, string>();
  for (const user of demoUsers) {
    const existing = await db.User.findOne({ where: { username: user.username } });
    const item =
      existing ??
      (created.User++,
      await db.User.createOne({
        data: {
          name: user.name,
          username: user.username,
          password: demoPassword,
          role: user.role,
          department: { connect: { id: departmentIds.get(user.department)! } },
        },
      }));
    userIds.set(user.username, String(item.id));
  }

  // S4: everything published in the demo passed the office's confidentiality review first.
  const reviewerId = userIds.get('bangongshi')!;
  const reviewedBeforePublication = (publishedAt: Date) => ({
    confidentialityConclusion: '经保密审查，不涉及国家秘密、工作秘密和个人隐私，同意公开',
    confidentialityReviewedAt: new Date(publishedAt.getTime() - 24 * 3600 * 1000),
    confidentialityReviewedBy: { connect: { id: reviewerId } },
  });

  const columnIds = new Map<string, string>();
  async function seedColumns(columns: DemoColumn[], parentId: string | null): Promise<void> {
    for (const [order, column] of columns.entries()) {
      const existing = await db.Column.findOne({ where: { slug: column.slug } });
      const item =
        existing ??
        (created.Column++,
        await db.Column.createOne({
          data: {
            name: column.name,
            slug: column.slug,
            kind: column.kind,
            visibility: column.internal ? 'internal' : 'public',
            order: (order + 1) * 10,
            ...(parentId ? { parent: { connect: { id: parentId } } } : {}),
          },
        }));
      columnIds.set(column.slug, String(item.id));
      if (column.children) await seedColumns(column.children, String(item.id));
    }
  }
  await seedColumns(demoColumns, null);

  const documentIds = new Map<string, string>();
  // What this run creates as published: it is published once written, like anything else (publication.ts).
  const toPublish: { item: PublicationItem; at: Date }[] = [];
  const serials = new Map<number, number>();
  for (const doc of demoDocuments) {
    // The annual report is published every year on its day: it moves by whole years.
    const c = doc.recurs === 'yearly' && doc.publishedAt ? clock.everyYear(doc.publishedAt.slice(0, 10)) : clock;
    const formationDate = c.day(doc.formationDate);
    const publishedAt = doc.publishedAt ? c.instant(doc.publishedAt) : null;
    const year = Number(formationDate.slice(0, 4));
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    const indexNumber = demoIndexNumber(year, serial);
    const existing = await db.Document.findOne({ where: { indexNumber } });
    const status = demoWorkflow[doc.key]?.status ?? 'draft';
    const item =
      existing ??
      (created.Document++,
      await db.Document.createOne({
        data: {
          title: c.text(doc.title),
          documentNumber: c.text(doc.documentNumber ?? ''),
          issuingAuthority: doc.issuingAuthority,
          formationDate,
          indexNumber,
          topic: doc.topic,
          openCategory: doc.openCategory,
          disclosure: doc.disclosure,
          disclosureReason: doc.disclosureReason ?? '',
          // For 删减后公开 the public reads the redacted text; the full text keeps the withheld part.
          body: bodyHtml([...doc.paragraphs, ...(doc.redactedParagraphs ?? [])].map(c.text), { tables: doc.tables }),
          redactedBody: doc.disclosure === 'redacted' ? bodyHtml(doc.paragraphs.map(c.text), { tables: doc.tables }) : '',
          columns: { connect: doc.columns.map((slug) => ({ id: columnIds.get(slug)! })) },
          department: { connect: { id: departmentIds.get(doc.department)! } },
          drafter: { connect: { id: userIds.get(doc.drafter)! } },
          requiresInterpretation: doc.requiresInterpretation ?? false,
          ...(doc.guide ? guideData(doc.guide, await seedGuideForms(context, doc.guide, userIds.get(doc.drafter)!)) : {}),
          ...(doc.validity ? validityData(doc.validity, c) : {}),
          ...(doc.reprint ? { origin: 'reprint', sourceName: doc.reprint.sourceName, sourceUrl: doc.reprint.sourceUrl } : {}),
          status,
          lastReturnReason: demoWorkflow[doc.key]?.lastReturnReason ?? '',
          ...(publishedAt ? reviewedBeforePublication(publishedAt) : {}),
        },
      }));
    documentIds.set(doc.key, String(item.id));
    if (!existing && publishedAt && status === 'draft')
      toPublish.push({ item: { listKey: 'Document', id: String(item.id) }, at: publishedAt });
  }
  await validityLinks(context, demoDocuments, documentIds, clock);

  for (const jd of demoInterpretations) {
    const title = clock.text(jd.title);
    const found = await db.Interpretation.findMany({ where: { title: { equals: title } }, take: 1 });
    if (found.length) continue;
    created.Interpretation++;
    const publishedAt = jd.publishedAt ? clock.instant(jd.publishedAt) : null;
    const item = await db.Interpretation.createOne({
      data: {
        title,
        form: jd.form,
        body: bodyHtml(jd.paragraphs.map(clock.text), { charts: jd.charts?.map((c) => ({ ...c, title: clock.text(c.title) })) }),
        documents: { connect: jd.documents.map((key) => ({ id: documentIds.get(key)! })) },
        department: { connect: { id: departmentIds.get(jd.department)! } },
        drafter: { connect: { id: userIds.get(jd.drafter)! } },
        status: 'draft',
        ...(publishedAt ? reviewedBeforePublication(publishedAt) : {}),
      },
    });
    if (publishedAt) toPublish.push({ item: { listKey: 'Interpretation', id: String(item.id) }, at: publishedAt });
  }
  // Nobody published the demo: the system did, on the day each item says, and its 流转记录 says so.
  for (const { item, at } of toPublish) await publishItems(context, [item], { action: 'demoData', actor: null, at, reason: '演示数据' });

  for (const [order, entry] of demoCatalogue.entries()) {
    if (await db.CatalogueEntry.count({ where: { subject: { equals: entry.subject } } })) continue;
    created.CatalogueEntry++;
    await db.CatalogueEntry.createOne({
      data: {
        area: entry.area,
        subject: entry.subject,
        content: entry.content,
        basis: entry.basis,
        timeLimit: entry.timeLimit,
        method: entry.method,
        order: (order + 1) * 10,
        department: { connect: { id: departmentIds.get(entry.department)! } },
        documents: { connect: entry.documents.map((key) => ({ id: documentIds.get(key)! })) },
      },
    });
  }

  // S9: the five real upstream sources, disabled: a demo machine (and many intranets) cannot reach them.
  for (const source of REAL_SOURCES) {
    if (await db.SyndicationSource.count({ where: { key: { equals: source.key } } })) continue;
    created.SyndicationSource++;
    await db.SyndicationSource.createOne({
      data: {
        key: source.key,
        name: source.name,
        level: source.level,
        adapter: source.adapter,
        listUrls: source.listUrls.join('\n'),
        selectors: jsonToField({
          ...(source.fields ? { fields: source.fields } : {}),
          ...(source.list ? { list: source.list } : {}),
          ...(source.detail ? { detail: source.detail } : {}),
        }),
        charset: source.charset ?? '',
        schedule: source.schedule,
        policy: source.policy,
        targetColumn: { connect: { id: columnIds.get(source.targetColumn)! } },
        enabled: false,
        verified: source.verified ?? false,
        maxItems: source.maxItems ?? 30,
        allowedHosts: (source.allowedHosts ?? []).join('\n'),
        note: `演示环境无法访问互联网，已停用；核实网址和选择器后再启用。${source.note ?? ''}`,
      },
    });
  }

  if ((await db.SiteSettings.count()) === 0) {
    created.SiteSettings++;
    await db.SiteSettings.createOne({
      data: {
        siteName: '临沧市民政局',
        sponsor: '临沧市民政局',
        contact: '地址：云南省临沧市临翔区南塘街 邮编：677000 电话：0883-2123456',
        siteCode: '5309000042',
        organisationCode,
        icpNumber: '滇ICP备05003121号',
        policeRecordNumber: '滇公网安备53090202000117号',
        baseUrl,
      },
    });
  }
  created.Message = await seedDemoMailbox(context, clock);
  // S8: the daily monitor with its defaults; alert robots are the section's to add.
  if ((await db.MonitorSettings.count()) === 0) {
    created.MonitorSettings++;
    await db.MonitorSettings.createOne({ data: {} });
  }
  // N7/N19: the office's 规范表述词库 starts from the starting dictionary, each entry with its source.
  created.ContentRule = 0;
  if ((await db.ContentRule.count()) === 0) {
    for (const { kind, category, term, replacement, title, retiredOn, termStart, termEnd, source } of starterDictionary) {
      await db.ContentRule.createOne({
        data: {
          kind,
          category,
          term,
          replacement: replacement ?? '',
          title: title ?? '',
          retiredOn,
          termStart,
          termEnd,
          source: source ?? '',
        },
      });
      created.ContentRule++;
    }
  }
  created.OpinionIncident = await seedDemoIncidents(context, clock);
  created.DisclosureRequest = await seedDemoRequests(context, {
    departmentIds,
    leaderId: userIds.get('lingdao')!,
    answererId: userIds.get('bangongshi')!,
    clock,
  });
  Object.assign(created, await seedDemoReports(context, clock));
  Object.assign(created, await seedDemoConsultations(context, clock));
  Object.assign(created, await seedDemoVisits(context, clock));
  Object.assign(created, await seedDemoWebsiteReport(context, clock));
  return { created };
}

/** Whether the database holds no content yet (a fresh install, which `gongkai start` seeds). */
export async function isEmpty(context: Context): Promise<boolean> {
  const db = context.sudo().db;
  return (await db.Column.count()) === 0 && (await db.Document.count()) === 0;
}
