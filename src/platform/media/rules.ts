import path from 'node:path';
import type { MediaKind } from '../content/vocabulary.js';

const MB = 1024 * 1024;

/**
 * What may be uploaded, by kind: open formats only (attachments in ODF/OFD/PDF are preferred, Office
 * formats are tolerated because bureaus receive them), and a size cap per kind. SVG is refused:
 * it can carry script.
 */
export const mediaRules: Record<MediaKind, { extensions: string[]; maxBytes: number; label: string }> = {
  image: { extensions: ['.jpg', '.jpeg', '.png', '.gif', '.webp'], maxBytes: 10 * MB, label: '图片' },
  longImage: { extensions: ['.jpg', '.jpeg', '.png', '.webp'], maxBytes: 20 * MB, label: '长图' },
  video: { extensions: ['.mp4', '.webm'], maxBytes: 500 * MB, label: '视频' },
  captions: { extensions: ['.vtt'], maxBytes: 1 * MB, label: '字幕' },
  document: {
    extensions: ['.pdf', '.ofd', '.odt', '.ods', '.odp', '.txt', '.csv', '.doc', '.docx', '.xls', '.xlsx', '.wps', '.et', '.zip'],
    maxBytes: 50 * MB,
    label: '附件',
  },
};

/** The largest file any kind accepts: the server's own cap on an uploaded file (the caps per kind apply first). */
export const largestUploadBytes = Math.max(...Object.values(mediaRules).map((rule) => rule.maxBytes));

export function extensionOf(filename: string): string {
  return path.extname(filename).toLowerCase();
}

/** The kind a file of this name may be stored as, or null when its type is not accepted at all. */
export function kindForFilename(filename: string): MediaKind | null {
  const ext = extensionOf(filename);
  for (const [kind, rule] of Object.entries(mediaRules) as [MediaKind, (typeof mediaRules)[MediaKind]][]) {
    if (rule.extensions.includes(ext)) return kind;
  }
  return null;
}

/** The largest size any accepted file with this name may have. */
export function maxBytesForFilename(filename: string): number {
  const kind = kindForFilename(filename);
  return kind ? mediaRules[kind].maxBytes : 0;
}

/** Problems of an upload declared as `kind`, in Chinese, or an empty list. */
export function checkUpload(kind: MediaKind, filename: string, sizeBytes: number): string[] {
  const rule = mediaRules[kind];
  const problems: string[] = [];
  if (!rule.extensions.includes(extensionOf(filename))) {
    problems.push(`${rule.label}只接受以下格式：${rule.extensions.join('、')}（收到 ${filename}）`);
  }
  if (sizeBytes > rule.maxBytes) {
    problems.push(`${rule.label}不能超过 ${rule.maxBytes / MB} MB（该文件 ${(sizeBytes / MB).toFixed(1)} MB）`);
  }
  return problems;
}

/** Whether a kind is a picture, which needs its text alternative (替代文本). */
export const isPicture = (kind: MediaKind) => kind === 'image' || kind === 'longImage';

/**
 * What a file's bytes must be, by its extension: the types `file-type` recognises from the content (its
 * magic numbers), or `text` for formats without one (plain text, CSV, WebVTT), which must then not be any
 * recognised binary type. Office formats are containers: the old ones are compound files (cfb), the new ones
 * zip packages that are not always recognised beyond zip.
 */
const contentTypes: Record<string, { types: string[]; name: string } | 'text'> = {
  '.jpg': { types: ['jpg'], name: 'JPEG 图片' },
  '.jpeg': { types: ['jpg'], name: 'JPEG 图片' },
  '.png': { types: ['png', 'apng'], name: 'PNG 图片' },
  '.gif': { types: ['gif'], name: 'GIF 图片' },
  '.webp': { types: ['webp'], name: 'WebP 图片' },
  '.mp4': { types: ['mp4', 'm4v'], name: 'MP4 视频' },
  '.webm': { types: ['webm'], name: 'WebM 视频' },
  '.vtt': { types: ['vtt'], name: 'WebVTT 字幕' },
  '.pdf': { types: ['pdf'], name: 'PDF 文件' },
  '.ofd': { types: ['zip'], name: 'OFD 文件' },
  '.odt': { types: ['odt'], name: 'ODF 文字文档' },
  '.ods': { types: ['ods'], name: 'ODF 表格' },
  '.odp': { types: ['odp'], name: 'ODF 演示文稿' },
  '.txt': 'text',
  '.csv': 'text',
  '.doc': { types: ['cfb'], name: 'Word 文档' },
  '.docx': { types: ['docx', 'zip'], name: 'Word 文档' },
  '.xls': { types: ['cfb'], name: 'Excel 表格' },
  '.xlsx': { types: ['xlsx', 'zip'], name: 'Excel 表格' },
  '.wps': { types: ['cfb', 'docx', 'zip'], name: 'WPS 文字文档' },
  '.et': { types: ['cfb', 'xlsx', 'zip'], name: 'WPS 表格' },
  '.zip': { types: ['zip'], name: 'ZIP 压缩包' },
};

/** What was found in a file's bytes: the type recognised from its magic number, if any, and its first bytes. */
export interface ContentFacts {
  /** The extension `file-type` gives the content (png, pdf, mp4…), or null when it recognises none. */
  type: string | null;
  /** The first bytes of the file (a few kilobytes). */
  head: Uint8Array;
}

const utf8Bom = [0xef, 0xbb, 0xbf];

/** WebVTT starts with “WEBVTT”, after an optional byte-order mark. */
function isWebVtt(head: Uint8Array): boolean {
  const start = head[0] === utf8Bom[0] && head[1] === utf8Bom[1] && head[2] === utf8Bom[2] ? 3 : 0;
  return /^WEBVTT(?:[ \t\r\n]|$)/.test(Buffer.from(head.subarray(start, start + 16)).toString('latin1'));
}

/**
 * Problems of a file's content for its name, in Chinese, or an empty list: the bytes must be what the
 * extension says (a renamed program or picture is refused), and a caption file must be WebVTT.
 */
export function checkContent(filename: string, title: string, content: ContentFacts): string[] {
  const ext = extensionOf(filename);
  const what = `“${title || filename}”（${ext}）`;
  const expected = contentTypes[ext];
  if (!expected) return [];
  const found = content.type ? `，实际内容是 ${content.type.toUpperCase()} 格式` : '';
  if (expected === 'text') {
    if (content.type || content.head.includes(0))
      return [`文件${what}不是纯文本文件${found}：请上传真实的 ${ext} 文件，不能只改文件扩展名`];
    return [];
  }
  if (ext === '.vtt') {
    return content.type === 'vtt' || isWebVtt(content.head)
      ? []
      : [`字幕文件${what}不是 WebVTT 格式：文件须以“WEBVTT”开头，请用字幕软件导出 WebVTT（.vtt）字幕`];
  }
  if (content.type && expected.types.includes(content.type)) return [];
  return [`文件${what}的内容不是${expected.name}${found || '（无法识别其格式）'}：请上传真实的${expected.name}，不能只改文件扩展名`];
}
