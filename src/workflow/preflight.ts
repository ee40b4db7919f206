import type { Disclosure, MediaKind } from '../content/vocabulary.js';
import { checkDocument, checkInterpretation, type Finding, type MediaFacts } from './checks.js';
import { guideElements, type GuideFields } from '../guides/core.js';

interface MediaRow {
  id: string;
  title: string;
  kind: string;
  file_filename: string | null;
  altText: string;
}
interface InterpretationRow {
  title: string;
  form: string;
  body: unknown;
  images: MediaRow[];
  video: MediaRow | null;
  videoPoster: MediaRow | null;
  videoCaptions: MediaRow | null;
  documents: { title: string; body: unknown }[];
}
interface Finder {
  findUnique(args: object): Promise<unknown>;
}

const media = (row: MediaRow | null): MediaFacts | null =>
  row && { id: row.id, title: row.title, kind: row.kind as MediaKind, filename: row.file_filename, altText: row.altText };
const mediaSelect = { select: { id: true, title: true, kind: true, file_filename: true, altText: true } };
const interpretationInclude = { images: mediaSelect, video: mediaSelect, videoPoster: mediaSelect, videoCaptions: mediaSelect, documents: { select: { title: true, body: true } } };

function interpretationFindings(jd: InterpretationRow): Finding[] {
  return checkInterpretation({
    title: jd.title,
    form: jd.form as 'text' | 'chart' | 'graphic' | 'video',
    body: jd.body,
    images: jd.images.map((m) => media(m)!),
    video: media(jd.video),
    videoPoster: media(jd.videoPoster),
    videoCaptions: media(jd.videoCaptions),
    documents: jd.documents,
  }).map((f) => ({ ...f, message: `解读《${jd.title}》：${f.message}` }));
}

/**
 * The pre-publication checks of an item as it is submitted: for a document, its own and those of the
 * interpretations that travel with it (三同步).
 */
export async function preflight(db: { document: Finder; interpretation: Finder }, listKey: 'Document' | 'Interpretation', id: string, withInterpretations: boolean): Promise<Finding[]> {
  if (listKey === 'Interpretation') {
    const jd = (await db.interpretation.findUnique({ where: { id }, include: interpretationInclude })) as InterpretationRow;
    return interpretationFindings(jd);
  }
  const doc = (await db.document.findUnique({
    where: { id },
    include: { attachments: mediaSelect, guideForms: mediaSelect, columns: { select: { kind: true } }, interpretations: withInterpretations ? { include: interpretationInclude } : false },
  })) as { title: string; body: unknown; redactedBody: unknown; reprintBody: string | null; disclosure: string | null; attachments: MediaRow[]; interpretations?: InterpretationRow[] } & {
    documentKind: string;
    guideForms: MediaRow[];
    columns: { kind: string }[];
  } & GuideFields;
  // N6: a 办事指南 carries every element.
  const guide = doc.documentKind === 'serviceGuide' ? { fields: Object.fromEntries(guideElements.map((e) => [e.field, doc[e.field]])) as unknown as GuideFields, forms: doc.guideForms.map((m) => media(m)!), inGuideColumn: doc.columns.some((c) => c.kind === 'guide') } : null;
  const findings = checkDocument({
    title: doc.title,
    body: doc.body,
    redactedBody: doc.redactedBody,
    reprintBody: doc.reprintBody,
    disclosure: doc.disclosure as Disclosure | null,
    attachments: doc.attachments.map((m) => media(m)!),
    guide,
  });
  return [...findings, ...(doc.interpretations ?? []).flatMap(interpretationFindings)];
}
