import { diffArrays } from 'diff';
import { isEditorOf, memberOf, sessionOf } from '../../platform/access/roles.js';
import { plainText } from '../../platform/content/plain-text.js';
import { calendarDayOf } from '../../platform/db/calendar-day.js';
import { type Context, jsonToStore, type PrismaTransaction } from '../../platform/db/prisma.js';
import { workflowError } from '../errors.js';

/*
 * Revisions (修订) of published documents and snapshots (版本). The published original stays up while
 * a draft copy goes through the workflow; approving the copy applies it to the original in the same
 * transaction and records a new published snapshot. Each submission is snapshotted too, so a
 * reviewer can compare what was returned with what came back.
 */

/** The content fields a revision carries and a snapshot records. */
export const contentFields = [
  'title',
  'documentNumber',
  'issuingAuthority',
  'formationDate',
  'indexNumber',
  'topic',
  'openCategory',
  'disclosure',
  'disclosureReason',
  'body',
  'redactedBody',
  'origin',
  'sourceName',
  'sourceUrl',
  'reprintBody',
  // N19 validity (修订 is how a published document becomes 已修改, 已废止 or 已失效) and N6 guide elements.
  'regulatoryKind',
  'repealedOn',
  'effectiveFrom',
  'validUntil',
  'validity',
  'replacedById',
  'documentKind',
  'guideItemName',
  'guideBasis',
  'guideConditions',
  'guideMaterials',
  'guidePlace',
  'guideAgency',
  'guideFee',
  'guideFeeBasis',
  'guideHours',
  'guideEnquiryPhone',
  'guideComplaintPhone',
  'guideSteps',
  'guideLegalTimeLimit',
  'guidePromisedTimeLimit',
  'guideOnlineUrl',
] as const;

const calendarDayFields = ['formationDate', 'repealedOn', 'effectiveFrom', 'validUntil'] as const;

const labels: Record<(typeof contentFields)[number], string> = {
  title: '标题',
  documentNumber: '发文字号',
  issuingAuthority: '发文机关',
  formationDate: '成文日期',
  indexNumber: '索引号',
  topic: '主题分类',
  openCategory: '五公开类别',
  disclosure: '公开属性',
  disclosureReason: '不公开或删减理由',
  body: '正文',
  redactedBody: '删减后公开文本',
  origin: '来源类型',
  sourceName: '来源',
  sourceUrl: '原文链接',
  reprintBody: '转载正文',
  regulatoryKind: '规章或规范性文件',
  repealedOn: '废止日期',
  effectiveFrom: '施行日期',
  validUntil: '有效期至',
  validity: '效力状态',
  replacedById: '修改或废止它的文件',
  documentKind: '文件类型',
  guideItemName: '事项名称',
  guideBasis: '设定依据',
  guideConditions: '申请条件',
  guideMaterials: '办理材料',
  guidePlace: '办理地点',
  guideAgency: '办理机构',
  guideFee: '收费标准',
  guideFeeBasis: '收费依据',
  guideHours: '办理时间',
  guideEnquiryPhone: '咨询电话',
  guideComplaintPhone: '投诉电话',
  guideSteps: '办理流程',
  guideLegalTimeLimit: '法定时限',
  guidePromisedTimeLimit: '承诺时限',
  guideOnlineUrl: '在线办理',
};

type Row = Record<string, unknown> & {
  id: string;
  columns: { id: string }[];
  attachments: { id: string }[];
  guideForms: { id: string }[];
  inlineMedia: { id: string }[];
};
export type Snapshot = Record<string, unknown>;

export function snapshotOf(row: Row): Snapshot {
  const snapshot: Snapshot = {};
  for (const field of contentFields) snapshot[field] = row[field] ?? null;
  for (const field of calendarDayFields) snapshot[field] = calendarDayOf(row[field]);
  snapshot.columns = row.columns.map((c) => c.id);
  snapshot.attachments = row.attachments.map((a) => a.id);
  snapshot.guideForms = row.guideForms.map((a) => a.id);
  return snapshot;
}

const withLinks = {
  include: {
    columns: { select: { id: true } },
    attachments: { select: { id: true } },
    guideForms: { select: { id: true } },
    inlineMedia: { select: { id: true } },
  },
};

export async function recordRevision(
  tx: PrismaTransaction,
  documentId: string,
  kind: 'submitted' | 'published',
  byId: string | null,
  at: Date,
): Promise<void> {
  const row = (await tx.document.findUnique({ where: { id: documentId }, ...withLinks })) as Row;
  const number = (await tx.revision.count({ where: { documentId, kind } })) + 1;
  await tx.revision.create({ data: { documentId, kind, number, snapshot: jsonToStore(snapshotOf(row)), at, byId } });
}

/**
 * Applies an approved revision draft to its published original; the draft is kept as merged. The original
 * keeps its 索引号 unless the draft was given another (the copy starts without one); publication
 * (publication.ts) then records what the public reads.
 */
export async function applyRevision(tx: PrismaTransaction, draftId: string, originalId: string): Promise<void> {
  const draft = (await tx.document.findUnique({ where: { id: draftId }, ...withLinks })) as Row;
  const data: Record<string, unknown> = {};
  for (const field of contentFields) if (field !== 'indexNumber' || draft.indexNumber) data[field] = draft[field];
  data.columns = { set: draft.columns.map((c) => ({ id: c.id })) };
  data.attachments = { set: draft.attachments.map((a) => ({ id: a.id })) };
  data.guideForms = { set: draft.guideForms.map((a) => ({ id: a.id })) };
  data.inlineMedia = { set: draft.inlineMedia.map((a) => ({ id: a.id })) };
  await tx.document.update({ where: { id: originalId }, data });
  await tx.document.update({ where: { id: draftId }, data: { status: 'merged' } });
}

/** 修订: a draft copy of a published document, for its department's editor to change. */
export async function startRevision(context: Context, id: string): Promise<string> {
  const member = memberOf(sessionOf(context));
  const original = await context.prisma.document.findUnique({ where: { id }, ...withLinks });
  if (!original) throw workflowError('NOT_FOUND', '找不到该文件');
  if (!member || !isEditorOf(member, original.departmentId)) {
    throw workflowError('FORBIDDEN', '只有本科室编辑可以修订本科室已发布的文件');
  }
  if (original.status !== 'published') throw workflowError('INVALID_TRANSITION', '只有已发布的文件可以修订');
  const open = await context.prisma.document.findFirst({ where: { revisionOfId: id, status: { notIn: ['merged', 'withdrawn'] } } });
  if (open) return open.id;
  const data: Record<string, unknown> = {
    status: 'draft',
    revisionOfId: id,
    departmentId: original.departmentId,
    drafterId: member.id,
    indexNumber: null,
  };
  for (const field of contentFields) if (field !== 'indexNumber') data[field] = original[field];
  data.columns = { connect: original.columns.map((c) => ({ id: c.id })) };
  data.attachments = { connect: original.attachments.map((a) => ({ id: a.id })) };
  data.guideForms = { connect: original.guideForms.map((a) => ({ id: a.id })) };
  data.inlineMedia = { connect: original.inlineMedia.map((a) => ({ id: a.id })) };
  const copy = await context.prisma.document.create({ data: data as Parameters<typeof context.prisma.document.create>[0]['data'] });
  return copy.id;
}

export interface ComparisonRow {
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

const asText = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value));

/**
 * Side-by-side rows between two snapshots: one per metadata field, and for the rich-text fields one
 * per paragraph, aligned by a diff so inserted, removed and changed paragraphs face each other; only of
 * `fields` (those the reader may read).
 */
export function compareSnapshots(
  before: Snapshot,
  after: Snapshot,
  fields: readonly (typeof contentFields)[number][] = contentFields,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const field of fields) {
    if (field === 'body' || field === 'redactedBody') {
      const a = plainText(before[field]).split('\n').filter(Boolean);
      const b = plainText(after[field]).split('\n').filter(Boolean);
      for (const part of diffArrays(a, b)) {
        for (const line of part.value) {
          rows.push({
            label: labels[field],
            before: part.added ? '' : line,
            after: part.removed ? '' : line,
            changed: Boolean(part.added || part.removed),
          });
        }
      }
      continue;
    }
    const a = asText(before[field]);
    const b = asText(after[field]);
    rows.push({ label: labels[field], before: a, after: b, changed: a !== b });
  }
  return rows;
}
