import type { Context } from '../platform/db/prisma.js';
import { byRole, isEditorOf, isOffice, isOfficeOrSection, memberOf, sessionOf, type SessionData } from '../platform/access/roles.js';
import { toCalendarDay } from '../platform/calendar/working-days.js';
import { type ActionArgs, itemAction, refusal, textArg } from '../platform/admin-ui/item-actions.js';
import { calendarDayOf } from '../platform/db/calendar-day.js';
import { formatChinaTime } from '../platform/calendar/china-time.js';
import { loadDepartmentRequests } from '../requests/annual-records.js';
import { halfYearBounds, selfInspectionContents, selfInspectionText, type SelfInspectionContents } from './core/self-inspection.js';

/** S4: a conversion asked for in a self-inspection: a withheld document or a requested topic that should become public. */
export interface Conversion {
  ref: string;
  kind: 'document' | 'topic';
  documentId?: string;
  topic?: string;
  title: string;
  note: string;
  markedAt: string;
  markedBy: string;
}

/** The conversions asked for, one per line, in Chinese (the Admin UI shows this, not the JSON). */
export function conversionsText(value: unknown): string {
  const conversions = jsonOf<Conversion[]>(value, []);
  if (!conversions.length) return '无';
  return conversions
    .map(
      (c) =>
        `${c.ref} ${c.kind === 'document' ? `《${c.title}》` : `“${c.title}”`}：${c.note}（${c.markedBy}，${formatChinaTime(new Date(c.markedAt))}）`,
    )
    .join('\n');
}

const refused = refusal('SELF_INSPECTION_REFUSED');

/** S4: the department's own staff write it; the office supervises (reviews) it; the site team may help. */
export const officeSupervises = byRole(isOffice);

export function mayWriteFor(session: SessionData | undefined, departmentId: string | null): boolean {
  const member = memberOf(session);
  return isOfficeOrSection(member?.role) || isEditorOf(member, departmentId);
}

/** S4: the contents of a department's self-inspection of a half, from the data as of `now`. */
export async function generateSelfInspection(
  context: Context,
  departmentId: string,
  half: string,
  now = new Date(),
): Promise<SelfInspectionContents> {
  const { start, end } = halfYearBounds(half);
  const prisma = context.sudo().prisma;
  const department = await prisma.department.findUnique({ where: { id: departmentId }, select: { name: true } });
  if (!department) throw refused('找不到该科室');
  const docs = await prisma.document.findMany({
    where: { departmentId, revisionOfId: null, status: { not: 'merged' } },
    select: { id: true, title: true, disclosure: true, disclosureReason: true, formationDate: true, publishedAt: true },
  });
  const requests = await loadDepartmentRequests(context, departmentId, start, end);
  return selfInspectionContents({
    half,
    department: department.name,
    documents: docs.map((d) => ({
      ...d,
      formationDate: calendarDayOf(d.formationDate),
      publishedOn: d.publishedAt ? toCalendarDay(d.publishedAt) : null,
    })),
    requests,
    today: toCalendarDay(now),
  });
}

interface Row {
  id: string;
  departmentId: string | null;
  half: string;
  status: string;
  conclusion: string | null;
  contents: unknown;
  conversions: unknown;
}

const jsonOf = <T>(value: unknown, fallback: T): T =>
  value == null ? fallback : ((typeof value === 'string' ? JSON.parse(value) : value) as T);

async function rowOf(context: Context, id: string): Promise<Row> {
  const row = await context.sudo().prisma.selfInspection.findUnique({ where: { id } });
  if (!row) throw refused('找不到该自查报告');
  if (!mayWriteFor(sessionOf(context), row.departmentId)) throw refused('您不能处理其他科室的自查报告');
  return row;
}

export async function regenerateSelfInspection(context: Context, id: string, now = new Date()): Promise<SelfInspectionContents> {
  const row = await rowOf(context, id);
  if (row.status !== 'draft') throw refused('自查报告已提交，不能重新生成');
  const contents = await generateSelfInspection(context, row.departmentId!, row.half, now);
  await context.sudo().prisma.selfInspection.update({
    where: { id },
    data: { contents: contents as object, contentsText: selfInspectionText(contents), generatedAt: now },
  });
  return contents;
}

export async function submitSelfInspection(context: Context, id: string, now = new Date()): Promise<void> {
  const row = await rowOf(context, id);
  if (row.status !== 'draft') throw refused('自查报告已提交');
  if (!row.contents) throw refused('请先生成自查内容');
  if (!row.conclusion?.trim()) throw refused('请填写自查结论后再提交局办公室');
  const session = sessionOf(context)!;
  await context.sudo().prisma.selfInspection.update({
    where: { id },
    data: { status: 'submitted', submittedAt: now, submittedBy: { connect: { id: session.itemId } } },
  });
}

export async function reviewSelfInspection(context: Context, id: string, note: string, now = new Date()): Promise<void> {
  const session = sessionOf(context);
  if (!officeSupervises({ session })) throw refused('只有局办公室可以审核自查报告');
  const row = await rowOf(context, id);
  if (row.status !== 'submitted') throw refused('只有已提交的自查报告可以审核');
  await context.sudo().prisma.selfInspection.update({
    where: { id },
    data: { status: 'reviewed', reviewedAt: now, reviewNote: note.trim(), reviewedBy: { connect: { id: session!.itemId } } },
  });
}

/** S4: marks item `ref` (W… a withheld document, T… a requested topic) as information that should become public. */
export async function markForConversion(context: Context, id: string, ref: string, note: string, now = new Date()): Promise<Conversion> {
  const row = await rowOf(context, id);
  const contents = jsonOf<SelfInspectionContents | null>(row.contents, null);
  if (!contents) throw refused('请先生成自查内容');
  const key = ref.trim().toUpperCase();
  const conversions = jsonOf<Conversion[]>(row.conversions, []);
  if (conversions.some((c) => c.ref === key)) throw refused(`${key} 已标记为应转为主动公开`);
  if (!note.trim()) throw refused('请填写说明：为什么应当公开、由谁在何时前公开');
  const session = sessionOf(context)!;
  const base = { ref: key, note: note.trim(), markedAt: now.toISOString(), markedBy: session.data.name };
  const withheld = contents.withheld.find((w) => w.ref === key);
  const topic = contents.topics.find((t) => t.ref === key);
  const conversion: Conversion | null = withheld
    ? { ...base, kind: 'document', documentId: withheld.id, title: withheld.title }
    : topic
      ? { ...base, kind: 'topic', topic: topic.topic, title: topic.topic }
      : null;
  if (!conversion) throw refused(`自查内容中没有编号为“${ref}”的事项：请填写 W 开头（未公开的文件）或 T 开头（申请较多的事项）的编号`);
  await context.sudo().prisma.selfInspection.update({ where: { id }, data: { conversions: [...conversions, conversion] as object } });
  return conversion;
}

/**
 * Whether a conversion is done: the document is now 主动公开 and published, or a request on the
 * topic has its information converted into a proactive document.
 */
export async function conversionDone(context: Context, departmentId: string, c: Conversion): Promise<boolean> {
  const prisma = context.sudo().prisma;
  if (c.kind === 'document')
    return (await prisma.document.count({ where: { id: c.documentId, disclosure: 'proactive', status: 'published' } })) > 0;
  return (await prisma.disclosureRequest.count({ where: { departmentId, topic: c.topic, convertedDocumentId: { not: null } } })) > 0;
}

function button(
  label: string,
  run: (context: Context, id: string, args: Record<string, string>) => Promise<unknown>,
  shownIn: string[] | null,
  args: ActionArgs<'SelfInspection'> = {},
) {
  return itemAction('SelfInspection', {
    label,
    args,
    shown: (_session, item) => !shownIn || shownIn.includes(String(item.status)),
    run: (context, id, given) => run(context, id, given as Record<string, string>),
  });
}

export function selfInspectionActions() {
  return {
    regenerate: button('重新生成', (context, id) => regenerateSelfInspection(context, id), ['draft']),
    submit: button('提交局办公室', (context, id) => submitSelfInspection(context, id), ['draft']),
    review: button('审核', (context, id, args) => reviewSelfInspection(context, id, args.note ?? ''), ['submitted'], {
      note: textArg<'SelfInspection'>('审核意见'),
    }),
    markForConversion: button(
      '标记应转为主动公开',
      (context, id, args) => markForConversion(context, id, args.ref ?? '', args.note ?? ''),
      null,
      {
        ref: textArg<'SelfInspection'>('事项编号', '自查内容中的编号：W 开头为未公开的文件，T 开头为申请较多的事项，例如 W1', {
          required: true,
        }),
        note: textArg<'SelfInspection'>('说明', '为什么应当公开，由谁在何时前公开', { required: true }),
      },
    ),
  };
}
