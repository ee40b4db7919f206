/**
 * Pre-publication checks, run when an editor submits a document or an interpretation. Pure functions
 * over plain data: the caller loads the item and its media. S1 (disclosure attribute and reason) is
 * checked by the workflow state machine, not here.
 */
import type { Disclosure, MediaKind } from '../../platform/content/vocabulary.js';
import { plainText } from '../../platform/content/plain-text.js';
import { imagesWithoutAlt } from '../../platform/content/rich-html.js';
import { reprintText } from '../../platform/content/render-reprint.js';
import { extensionOf, isPicture } from '../../platform/media/rules.js';
import { chartBlocksOf } from '../../platform/content/chart-blocks.js';
import { parseChart } from '../../platform/charts/table.js';
import { findPersonalData, maskPersonalData } from '../../platform/privacy/mask.js';
import type { ContentGate } from './content-gate.js';
import { elementLines, guideElements, missingGuideElements, namesAForm, type GuideFields } from '../../guides/core/guides.js';

export interface Finding {
  /** The rule checked; absent for checks that no numbered rule names (attachment formats). */
  rule?: 'N6' | 'N7' | 'N11' | 'N15' | 'N16' | 'N19';
  code: string;
  /** The 规范表述词库 entry that matched (content gate findings). */
  entryId?: string;
  /** In Chinese: what is wrong and how to fix it. */
  message: string;
  /** Whether the submission is refused until this is fixed. */
  blocking: boolean;
}

export interface MediaFacts {
  id: string;
  title: string;
  kind: MediaKind;
  filename: string | null;
  altText: string | null;
  /** 文字版 of a 长图. */
  textVersion?: string | null;
}

export interface DocumentToCheck {
  title: string;
  /** The body's HTML (src/platform/content/rich-html.ts). */
  body: unknown;
  redactedBody?: unknown;
  disclosure: Disclosure | null;
  attachments: MediaFacts[];
  /** A reprint's upstream HTML (a 修订 of a reprint goes through these checks like any document). */
  reprintBody?: string | null;
  /** A 办事指南's elements and its forms to download (N6); absent for other documents. */
  guide?: { fields: GuideFields; forms: MediaFacts[]; /** In a column of kind 办事指南. */ inGuideColumn?: boolean } | null;
}

export interface InterpretationToCheck {
  title: string;
  form: 'text' | 'chart' | 'graphic' | 'video';
  body: unknown;
  images: MediaFacts[];
  video: MediaFacts | null;
  videoPoster: MediaFacts | null;
  videoCaptions: MediaFacts | null;
  /** The documents it interprets. */
  documents: { title: string; body: unknown }[];
}

export function hasBlocking(findings: Finding[]): boolean {
  return findings.some((finding) => finding.blocking);
}

// ---- N16: text alternatives and captions ----

function missingAltText(image: MediaFacts, role: string): Finding[] {
  if (image.altText?.trim()) return [];
  return [
    {
      rule: 'N16',
      code: 'IMAGE_ALT_MISSING',
      message: `${role}“${image.title}”没有替代文本：请在媒体文件中填写“替代文本”，为看不见图片的读者描述图片内容`,
      blocking: true,
    },
  ];
}

/** N16: a 长图 (infographic) is published with its 文字版, shown beside it — an alt text cannot hold it. */
function longImageWithoutText(image: MediaFacts): Finding[] {
  if (image.kind !== 'longImage' || image.textVersion?.trim()) return [];
  return [
    {
      rule: 'N16',
      code: 'LONG_IMAGE_TEXT_MISSING',
      message: `长图“${image.title}”没有文字版：请在媒体文件的“文字版”中按阅读顺序填写长图上的全部文字，网站会在长图旁显示，供读屏软件和大字版读者阅读`,
      blocking: true,
    },
  ];
}

/** N16: a chart block is drawn from its data, which must be complete and readable (its table is its text alternative). */
function chartProblems(value: unknown, where: string): Finding[] {
  return chartBlocksOf(value).flatMap((input, i) => {
    const { problems } = parseChart(input);
    if (problems.length === 0) return [];
    const title = typeof input.title === 'string' && input.title.trim() ? `“${input.title.trim()}”` : '';
    return [
      {
        rule: 'N16' as const,
        code: 'CHART_DATA_INVALID',
        message: `${where}中的第 ${i + 1} 个图表${title}数据有误：${problems.join('；')}`,
        blocking: true,
      },
    ];
  });
}

// N16: an image in a body needs its text alternative. The editor asks for it at insertion and will not clear
// it; this refuses what came in another way (the API, an old import).
function richTextImagesWithoutAlt(value: unknown, where: string): Finding[] {
  const count = typeof value === 'string' ? imagesWithoutAlt(value) : 0;
  if (count === 0) return [];
  return [
    {
      rule: 'N16',
      code: 'RICH_TEXT_IMAGE_ALT_MISSING',
      message: `${where}中有 ${count} 张图片没有替代文本：请在编辑器中选中图片，用“修改替代文本”写明图片的内容`,
      blocking: true,
    },
  ];
}

function videoProblems(jd: InterpretationToCheck): Finding[] {
  const findings: Finding[] = [];
  if (jd.form === 'video' && !jd.video) {
    findings.push({ rule: 'N16', code: 'VIDEO_MISSING', message: '视频解读没有视频：请上传解读视频', blocking: true });
  }
  if (jd.video) {
    const captions = jd.videoCaptions?.filename;
    if (!captions || extensionOf(captions) !== '.vtt') {
      findings.push({
        rule: 'N16',
        code: 'CAPTIONS_MISSING',
        message: `视频“${jd.video.title}”没有字幕：请上传 WebVTT（.vtt）格式的字幕文件，供听不见声音的读者阅读`,
        blocking: true,
      });
    }
    if (!jd.videoPoster?.filename) {
      findings.push({
        rule: 'N16',
        code: 'VIDEO_POSTER_MISSING',
        message: `视频“${jd.video.title}”没有封面：请上传一张封面图片（并填写替代文本），播放前显示`,
        blocking: true,
      });
    }
  }
  if (jd.videoPoster) findings.push(...missingAltText(jd.videoPoster, '视频封面'));
  return findings;
}

// ---- Attachment formats ----

// Open formats; Office formats are tolerated because bureaus receive them, but not recommended.
export const openAttachmentExtensions = ['.pdf', '.ofd', '.odt', '.ods', '.odp', '.txt', '.csv', '.zip'];
export const toleratedAttachmentExtensions = ['.doc', '.docx', '.xls', '.xlsx', '.wps', '.et'];

function attachmentFormatProblems(attachment: MediaFacts): Finding[] {
  if (!attachment.filename) {
    return [{ code: 'ATTACHMENT_FILE_MISSING', message: `附件“${attachment.title}”没有文件：请上传文件或移除该附件`, blocking: true }];
  }
  const ext = extensionOf(attachment.filename);
  if (openAttachmentExtensions.includes(ext)) return [];
  if (toleratedAttachmentExtensions.includes(ext)) {
    return [
      {
        code: 'ATTACHMENT_FORMAT_NOT_OPEN',
        message: `附件“${attachment.title}”（${attachment.filename}）不是开放格式：建议转换为 OFD 或 PDF 后重新上传`,
        blocking: false,
      },
    ];
  }
  return [
    {
      code: 'ATTACHMENT_FORMAT_REFUSED',
      message: `附件“${attachment.title}”（${attachment.filename}）的格式不能公开发布：请转换为 OFD 或 PDF 后重新上传`,
      blocking: true,
    },
  ];
}

// ---- N15: personal data ----

function unmaskedPersonalData(text: string, where: string): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { kind, value } of findPersonalData(text)) {
    if (seen.has(value)) continue;
    seen.add(value);
    const label = kind === 'mobile' ? '手机号码' : '身份证号码';
    findings.push({
      rule: 'N15',
      code: 'PERSONAL_DATA_UNMASKED',
      message: `${where}中的${label}“${value}”未作遮蔽处理：公开前请改为“${maskPersonalData(value)}”`,
      blocking: true,
    });
  }
  return findings;
}

// ---- N11: an interpretation is not a condensation ----

const ngramLength = 4;

/**
 * N11: refused when more than half of the interpretation's 4-grams appear in its documents' bodies.
 * Measured on the demo content: the two real interpretations score 0.34 (implementation-rules-jd:
 * background and what changes, quoting the key provisions and deadlines) and 0.20
 * (dibao-standard-2026-jd: Q&A with worked examples); condensations made by deleting sentences and
 * clauses from the document score 0.88–0.90, and a summary stitched together with 一是…二是…
 * connectives 0.69. An interpretation that is mostly the document's own words does not explain it.
 */
export const condensationThreshold = 0.5;

// Below about one sentence the ratio turns on a single quoted phrase; short texts accompany charts,
// graphics or videos, whose substance is not in the text.
const minimumNgrams = 30;

function ngrams(text: string): Set<string> {
  // Chinese has no word spaces: compare runs of characters, ignoring punctuation and whitespace.
  const characters = text.toLowerCase().match(/[\p{Script=Han}\p{L}\p{N}]/gu) ?? [];
  const grams = new Set<string>();
  for (let i = 0; i + ngramLength <= characters.length; i++) grams.add(characters.slice(i, i + ngramLength).join(''));
  return grams;
}

/** The share of `a`'s character 4-grams that also occur in `b` (0 when `a` has none). */
export function overlapRatio(a: string, b: string): number {
  const ofA = ngrams(a);
  if (ofA.size === 0) return 0;
  const ofB = ngrams(b);
  let shared = 0;
  for (const gram of ofA) if (ofB.has(gram)) shared++;
  return shared / ofA.size;
}

function condensationProblems(jd: InterpretationToCheck): Finding[] {
  if (jd.documents.length === 0) {
    return [
      {
        rule: 'N11',
        code: 'DOCUMENT_LINK_MISSING',
        message: '解读没有关联所解读的文件：请在“解读的文件”中选择对应的政策文件',
        blocking: true,
      },
    ];
  }
  const text = plainText(jd.body);
  if (ngrams(text).size < minimumNgrams) return [];
  // Bodies only: naming the document by its title is what interpretations do, not condensation.
  const ratio = overlapRatio(text, jd.documents.map((doc) => plainText(doc.body)).join('\n'));
  if (ratio <= condensationThreshold) return [];
  const titles = jd.documents.map((doc) => `《${doc.title}》`).join('、');
  return [
    {
      rule: 'N11',
      code: 'CONDENSATION',
      message: `解读中有 ${Math.round(ratio * 100)}% 的文字片段与${titles}原文相同（上限 ${condensationThreshold * 100}%），属于对文件的简单摘编：请少照搬原文，补充出台背景、主要考虑、受益对象、办理方式或问答等解读内容`,
      blocking: true,
    },
  ];
}

// ---- N7, N19: the content gate (规范表述词库) ----

const gateCodes = { serious: 'CONTENT_SERIOUS_ERROR', outdated: 'CONTENT_OUTDATED', leader: 'CONTENT_LEADER_TITLE' } as const;

/**
 * N7/N19: each part of an item's text (its title, body …) checked against the office's dictionary as of
 * `on`, the day of submission. Serious errors (state names, official names, sensitive words) block; an
 * outdated expression or a leader's title outside the term warns. Each finding names its entry.
 */
export function contentGateFindings(gate: ContentGate, parts: { where: string; text: string }[], on: string): Finding[] {
  return parts.flatMap(({ where, text }) =>
    gate.check(text, on).map((found) => ({
      rule: found.rule,
      code: gateCodes[found.kind],
      ...(found.entry.id ? { entryId: found.entry.id } : {}),
      message: `${where}中的${found.message}`,
      blocking: found.blocking,
    })),
  );
}

// ---- N6: the elements of a 办事指南 ----

/**
 * N6 (服务不实用): a guide lacking any element is refused, each missing element named; its forms must be
 * files in an open or tolerated format; materials naming a form with no form to download are a warning.
 */
function guideProblems(guide: NonNullable<DocumentToCheck['guide']>): Finding[] {
  const findings: Finding[] = missingGuideElements(guide.fields).map((element) => ({
    rule: 'N6' as const,
    code: 'GUIDE_ELEMENT_MISSING',
    message:
      element.field === 'guideOnlineUrl' && guide.fields.guideOnlineUrl?.trim()
        ? `办事指南的“在线办理”不是有效网址：请填写一网通办中本事项以 http:// 或 https:// 开头的办理地址`
        : `办事指南缺少要素“${element.label}”：请在“六、办事指南”中填写${element.field === 'guideFeeBasis' ? '（收费的事项须写明收费依据）' : ''}`,
    blocking: true,
  }));
  for (const form of guide.forms)
    findings.push(...attachmentFormatProblems(form).map((f) => ({ ...f, rule: 'N6' as const, message: `表格下载：${f.message}` })));
  const formsNamed = elementLines(guide.fields.guideMaterials).filter(namesAForm);
  if (formsNamed.length && !guide.forms.length) {
    findings.push({
      rule: 'N6',
      code: 'GUIDE_FORM_MISSING',
      message: `办理材料中的“${formsNamed[0]}”需要填写，但没有可下载的表格：请在“表格下载”中上传空白表格`,
      blocking: false,
    });
  }
  if (guide.inGuideColumn === false) {
    findings.push({
      rule: 'N6',
      code: 'GUIDE_COLUMN_MISSING',
      message: '办事指南没有放入“办事指南”类栏目：请在“所属栏目”中选择办事指南栏目，方便群众查找',
      blocking: false,
    });
  }
  // N15: the guide's text is public; office landlines are fine, a person's mobile is not.
  for (const element of guideElements)
    findings.push(...unmaskedPersonalData(guide.fields[element.field] ?? '', `办事指南的“${element.label}”`));
  return findings;
}

// ---- The checks ----

export function checkDocument(doc: DocumentToCheck): Finding[] {
  const findings: Finding[] = [];
  for (const attachment of doc.attachments) {
    if (isPicture(attachment.kind))
      findings.push(
        ...missingAltText(attachment, attachment.kind === 'longImage' ? '长图附件' : '图片附件'),
        ...longImageWithoutText(attachment),
      );
    if (attachment.kind === 'document') findings.push(...attachmentFormatProblems(attachment));
  }
  findings.push(...richTextImagesWithoutAlt(doc.body, '正文'));
  // The redacted text is asked for, and shown on the form, only for 删减后公开.
  if (doc.disclosure === 'redacted') findings.push(...richTextImagesWithoutAlt(doc.redactedBody, '删减后公开文本'));
  // Only the text that will be public is drawn.
  if (doc.disclosure === 'proactive') findings.push(...chartProblems(doc.body, '正文'));
  if (doc.disclosure === 'redacted') findings.push(...chartProblems(doc.redactedBody, '删减后公开文本'));
  // S1: only the text that will be public must be masked; the full body of 删减后公开 stays internal.
  if (doc.disclosure === 'proactive') {
    findings.push(...unmaskedPersonalData(doc.title, '标题'), ...unmaskedPersonalData(plainText(doc.body), '正文'));
  }
  if (doc.disclosure === 'redacted') {
    findings.push(...unmaskedPersonalData(doc.title, '标题'), ...unmaskedPersonalData(plainText(doc.redactedBody), '删减后公开文本'));
  }
  // A public reprint's page shows its upstream body, 主动公开 or 删减后公开 (issue 14 #11).
  if (doc.reprintBody && (doc.disclosure === 'proactive' || doc.disclosure === 'redacted')) {
    findings.push(...unmaskedPersonalData(reprintText(doc.reprintBody), '转载正文'));
  }
  if (doc.guide) findings.push(...guideProblems(doc.guide));
  return findings;
}

export function checkInterpretation(jd: InterpretationToCheck): Finding[] {
  return [
    ...jd.images.flatMap((image) => [
      ...missingAltText(image, image.kind === 'longImage' ? '长图' : '图片'),
      ...longImageWithoutText(image),
    ]),
    ...videoProblems(jd),
    ...chartProblems(jd.body, '解读正文'),
    ...richTextImagesWithoutAlt(jd.body, '解读正文'),
    ...condensationProblems(jd),
    ...unmaskedPersonalData(jd.title, '标题'),
    ...unmaskedPersonalData(plainText(jd.body), '解读正文'),
  ];
}
