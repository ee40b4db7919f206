import type { Context } from '../platform/db/prisma.js';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { mediaDirectory } from '../platform/config/env.js';
import { storedName } from '../platform/media/local-storage.js';
import type { DemoGuide } from './seed.js';
import type { DemoValidity } from '../validity/seed.js';
import type { DemoClock } from '../platform/demo/clock.js';

/**
 * The blank forms of a demo guide as media files (CSV tables a spreadsheet opens, one row per field to
 * fill in), created once: an existing 媒体文件 of the same title is reused.
 */
export async function seedGuideForms(context: Context, guide: DemoGuide, uploaderId: string): Promise<string[]> {
  const prisma = context.sudo().prisma;
  const ids: string[] = [];
  for (const form of guide.forms) {
    const title = `${form.title}（空白表格）`;
    const existing = await prisma.media.findFirst({ where: { title, kind: 'document' }, select: { id: true } });
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const csv = `\uFEFF${form.title}\r\n填写项目,填写内容\r\n${form.fields.map((field) => `${field},`).join('\r\n')}\r\n`;
    const bytes = Buffer.from(csv, 'utf8');
    const filename = storedName(`${form.title}.csv`);
    await fs.promises.mkdir(mediaDirectory(), { recursive: true });
    await fs.promises.writeFile(path.join(mediaDirectory(), filename), bytes, { flag: 'wx' });
    const media = (await prisma.media.create({
      data: {
        title,
        kind: 'document',
        file_filename: filename,
        file_filesize: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: { connect: { id: uploaderId } },
      },
      select: { id: true },
    })) as { id: string };
    ids.push(media.id);
  }
  return ids;
}

const lines = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');

/** A demo guide's elements as Document fields (N6). */
export function guideData(guide: DemoGuide, formIds: string[]) {
  return {
    documentKind: 'serviceGuide',
    guideItemName: guide.itemName,
    guideBasis: lines(guide.basis),
    guideConditions: lines(guide.conditions),
    guideMaterials: lines(guide.materials),
    guideForms: { connect: formIds.map((id) => ({ id })) },
    guidePlace: guide.place,
    guideAgency: guide.agency,
    guideFee: guide.fee,
    guideFeeBasis: guide.feeBasis ?? '',
    guideHours: guide.hours,
    guideEnquiryPhone: guide.enquiryPhone,
    guideComplaintPhone: guide.complaintPhone,
    guideSteps: lines(guide.steps),
    guideLegalTimeLimit: guide.legalTimeLimit,
    guidePromisedTimeLimit: guide.promisedTimeLimit,
    guideOnlineUrl: guide.onlineUrl,
  };
}

/**
 * A demo document's validity as created (N19). A status that needs the replacing document (已修改, 已废止)
 * is set by `validityLinks` once every document exists.
 */
export function validityData(validity: DemoValidity, clock: DemoClock) {
  const day = (d?: string) => (d ? validityDay(validity, d, clock) : null);
  return {
    ...(validity.regulatoryKind ? { regulatoryKind: validity.regulatoryKind } : {}),
    effectiveFrom: day(validity.effectiveFrom),
    validUntil: day(validity.validUntil),
    ...(validity.status === 'expired' ? { validity: 'expired' } : {}),
  };
}

/** A validity day of the story, moved by days or by whole years (see `DemoValidity.movesWithToday`). */
function validityDay(validity: DemoValidity, day: string, clock: DemoClock): string {
  return validity.movesWithToday ? clock.day(day) : `${Number(day.slice(0, 4)) + clock.shiftYears}${day.slice(4)}`;
}

/** The second step: 已修改 and 已废止 with the document that amended or replaced it. */
export async function validityLinks(
  context: Context,
  documents: { key: string; validity?: DemoValidity }[],
  ids: Map<string, string>,
  clock: DemoClock,
): Promise<void> {
  const db = context.sudo().db;
  for (const doc of documents) {
    const v = doc.validity;
    if (!v?.replacedBy || !ids.has(doc.key) || !ids.has(v.replacedBy)) continue;
    const item = await db.Document.findOne({ where: { id: ids.get(doc.key)! } });
    if (!item || item.replacedById) continue;
    await db.Document.updateOne({
      where: { id: ids.get(doc.key)! },
      data: {
        validity: v.status ?? 'current',
        repealedOn: v.repealedOn ? validityDay(v, v.repealedOn, clock) : null,
        replacedBy: { connect: { id: ids.get(v.replacedBy)! } },
      },
    });
  }
}
