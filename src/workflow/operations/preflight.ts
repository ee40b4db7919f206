import type { Disclosure, MediaKind } from '../../platform/content/vocabulary.js';
import { checkDocument, checkInterpretation, contentGateFindings, type Finding, type MediaFacts } from '../core/checks.js';
import type { ContentGate } from '../core/content-gate.js';
import { plainText } from '../../platform/content/plain-text.js';
import { reprintText } from '../../platform/content/render-reprint.js';
import { guideElements, type GuideFields } from '../../guides/core/guides.js';

interface MediaRow {
  id: string;
  title: string;
  kind: string;
  file_filename: string | null;
  altText: string;
  textVersion: string;
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
  row && {
    id: row.id,
    title: row.title,
    kind: row.kind as MediaKind,
    filename: row.file_filename,
    altText: row.altText,
    textVersion: row.textVersion,
  };
const mediaSelect = { select: { id: true, title: true, kind: true, file_filename: true, altText: true, textVersion: true } };
const interpretationInclude = {
  images: mediaSelect,
  video: mediaSelect,
  videoPoster: mediaSelect,
  videoCaptions: mediaSelect,
  documents: { select: { title: true, body: true } },
};

/** The content gate's day and dictionary for one submission (N7, N19). */
export interface GateCheck {
  gate: ContentGate;
  /** The day of submission, 'YYYY-MM-DD' in China. */
  on: string;
}

function interpretationFindings(jd: InterpretationRow, check: GateCheck): Finding[] {
  const gateFindings = contentGateFindings(
    check.gate,
    [
      { where: '标题', text: jd.title },
      { where: '解读正文', text: plainText(jd.body) },
    ],
    check.on,
  );
  return [
    ...checkInterpretation({
      title: jd.title,
      form: jd.form as 'text' | 'chart' | 'graphic' | 'video',
      body: jd.body,
      images: jd.images.map((m) => media(m)!),
      video: media(jd.video),
      videoPoster: media(jd.videoPoster),
      videoCaptions: media(jd.videoCaptions),
      documents: jd.documents,
    }),
    ...gateFindings,
  ].map((f) => ({ ...f, message: `解读《${jd.title}》：${f.message}` }));
}

/**
 * The pre-publication checks of an item as it is submitted: for a document, its own and those of the
 * interpretations that travel with it (三同步).
 */
export async function preflight(
  db: { document: Finder; interpretation: Finder },
  listKey: 'Document' | 'Interpretation',
  id: string,
  withInterpretations: boolean,
  check: GateCheck,
): Promise<Finding[]> {
  if (listKey === 'Interpretation') {
    const jd = (await db.interpretation.findUnique({ where: { id }, include: interpretationInclude })) as InterpretationRow;
    return interpretationFindings(jd, check);
  }
  const doc = (await db.document.findUnique({
    where: { id },
    include: {
      attachments: mediaSelect,
      guideForms: mediaSelect,
      columns: { select: { kind: true } },
      interpretations: withInterpretations ? { include: interpretationInclude } : false,
    },
  })) as {
    title: string;
    body: unknown;
    redactedBody: unknown;
    reprintBody: string | null;
    disclosure: string | null;
    attachments: MediaRow[];
    interpretations?: InterpretationRow[];
  } & {
    documentKind: string;
    guideForms: MediaRow[];
    columns: { kind: string }[];
  } & GuideFields;
  // N6: a 办事指南 carries every element.
  const guide =
    doc.documentKind === 'serviceGuide'
      ? {
          fields: Object.fromEntries(guideElements.map((e) => [e.field, doc[e.field]])) as unknown as GuideFields,
          forms: doc.guideForms.map((m) => media(m)!),
          inGuideColumn: doc.columns.some((c) => c.kind === 'guide'),
        }
      : null;
  const findings = checkDocument({
    title: doc.title,
    body: doc.body,
    redactedBody: doc.redactedBody,
    reprintBody: doc.reprintBody,
    disclosure: doc.disclosure as Disclosure | null,
    attachments: doc.attachments.map((m) => media(m)!),
    guide,
  });
  // N7/N19: every text of the document, public or not: a serious error is an error wherever it is.
  const gateFindings = contentGateFindings(
    check.gate,
    [
      { where: '标题', text: doc.title },
      { where: '正文', text: plainText(doc.body) },
      { where: '删减后公开文本', text: plainText(doc.redactedBody) },
      { where: '转载正文', text: doc.reprintBody ? reprintText(doc.reprintBody) : '' },
    ],
    check.on,
  );
  return [...findings, ...gateFindings, ...(doc.interpretations ?? []).flatMap((jd) => interpretationFindings(jd, check))];
}
