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
