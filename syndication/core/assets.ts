import { createHash } from 'node:crypto';
import { SyndicationError } from './errors.js';
import type { Fetcher } from './fetch.js';
import { extensionOf } from '../../src/platform/content/sanitize.js';

/**
 * Copying an upstream image or attachment so the reprint does not hotlink (and does not break when the
 * upstream moves it). The type is decided from the bytes, not from what the server claims: an HTML error
 * page served as `附件.pdf` or a script served as `.png` is rejected.
 */

export type AssetType = 'image' | 'attachment';

export interface CopiedAsset {
  bytes: Buffer;
  /** Safe to store: no path separators or control characters, with the extension of the detected type. */
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  /** The final upstream URL (after redirects). */
  sourceUrl: string;
}

export interface CopyAssetOptions {
  fetcher: Fetcher;
  type: AssetType;
  /** A display name (the link text, e.g. 附件1：申请表); used for the filename when it helps. */
  name?: string;
  /** Default: 10 MB for images, 50 MB for attachments. */
  maxBytes?: number;
}

export const DEFAULT_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;

type Family = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'ole' | 'zip' | 'rar' | '7z' | 'rtf';

const IMAGE_TYPES: Partial<Record<Family, { extension: string; mime: string }>> = {
  png: { extension: 'png', mime: 'image/png' },
  jpeg: { extension: 'jpg', mime: 'image/jpeg' },
  gif: { extension: 'gif', mime: 'image/gif' },
  webp: { extension: 'webp', mime: 'image/webp' },
};

/** Attachment extensions, the byte families each may really be, and the MIME type we serve it as. */
const ATTACHMENT_TYPES: Record<string, { families: Family[]; mime: string }> = {
  pdf: { families: ['pdf'], mime: 'application/pdf' },
  // Old Office and WPS files are OLE compound files; sites often name a .docx ".doc" and vice versa.
  doc: { families: ['ole', 'zip', 'rtf'], mime: 'application/msword' },
  docx: { families: ['zip', 'ole'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xls: { families: ['ole', 'zip'], mime: 'application/vnd.ms-excel' },
  xlsx: { families: ['zip', 'ole'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  ppt: { families: ['ole', 'zip'], mime: 'application/vnd.ms-powerpoint' },
  pptx: { families: ['zip', 'ole'], mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  wps: { families: ['ole', 'zip'], mime: 'application/vnd.ms-works' },
  et: { families: ['ole', 'zip'], mime: 'application/vnd.ms-excel' },
  dps: { families: ['ole', 'zip'], mime: 'application/vnd.ms-powerpoint' },
  ofd: { families: ['zip'], mime: 'application/ofd' },
  zip: { families: ['zip'], mime: 'application/zip' },
  rar: { families: ['rar'], mime: 'application/vnd.rar' },
  '7z': { families: ['7z'], mime: 'application/x-7z-compressed' },
};

/** When the URL and the name say nothing, the bytes decide (only where that is unambiguous). */
const EXTENSION_BY_FAMILY: Partial<Record<Family, string>> = { pdf: 'pdf', zip: 'zip', rar: 'rar', '7z': '7z' };

/** The file family from magic bytes. */
export function sniffFamily(bytes: Uint8Array): Family | undefined {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  const ascii = (offset: number, text: string): boolean => [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (ascii(0, 'Rar!\x1a\x07')) return 'rar';
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return '7z';
  if (ascii(0, '{\\rtf')) return 'rtf';
  // PDF allows some junk before the header; readers look within the first KiB.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  return undefined;
}

/** Downloads an image or attachment through the fetch layer and checks it; throws 'asset-rejected'. */
export async function copyAsset(url: string, options: CopyAssetOptions): Promise<CopiedAsset> {
  const maxBytes = options.maxBytes ?? (options.type === 'image' ? DEFAULT_IMAGE_MAX_BYTES : DEFAULT_ATTACHMENT_MAX_BYTES);
  const response = await options.fetcher.fetchBytes(url, {
    maxBytes,
    accept: options.type === 'image' ? 'image/png,image/jpeg,image/gif,image/webp;q=0.9,*/*;q=0.5' : '*/*',
  });
  const bytes = response.bytes;
  if (bytes.length === 0) throw new SyndicationError('asset-rejected', `文件为空：${url}`);
  const family = sniffFamily(bytes);
  const dispositionName = filenameFromDisposition(response.headers['content-disposition']);
  const urlName = lastSegment(response.url) || lastSegment(url);

  let extension: string;
  let mime: string;
  if (options.type === 'image') {
    const image = family ? IMAGE_TYPES[family] : undefined;
    if (!image) throw new SyndicationError('asset-rejected', `不是受支持的图片格式（只接受 PNG、JPEG、GIF、WebP）：${url}`);
    ({ extension, mime } = image);
  } else {
    const claimed = [dispositionName, urlName, options.name]
      .map((n) => (n ? extensionOf(n) : undefined))
      .find((e): e is string => e !== undefined && e in ATTACHMENT_TYPES);
    const chosen = claimed ?? (family ? EXTENSION_BY_FAMILY[family] : undefined);
    if (!chosen) {
      throw new SyndicationError('asset-rejected', `不是受支持的附件类型（PDF、Word、Excel、OFD、WPS、压缩包等）：${url}`);
    }
    const type = ATTACHMENT_TYPES[chosen];
    if (!family || !type.families.includes(family)) {
      throw new SyndicationError('asset-rejected', `附件内容与文件类型（.${chosen}）不符，可能是错误页面：${url}`);
    }
    extension = chosen;
    mime = type.mime;
  }

  const base =
    [options.name, dispositionName, urlName].map((n) => (n ? stem(safeName(n)) : '')).find((n) => n) ||
    (options.type === 'image' ? 'image' : 'attachment');
  return {
    bytes,
    filename: `${base}.${extension}`,
    mime,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sourceUrl: response.url,
  };
}

/** A filename safe on any file system and in a Content-Disposition header: no separators, no controls. */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in a file name
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s_]+|[.\s]+$/g, '')
    .trim();
  return [...cleaned].slice(0, 100).join('');
}

function stem(name: string): string {
  return name.replace(/\.[a-z0-9]{1,5}$/i, '').trim();
}

function lastSegment(url: string): string {
  let segment: string;
  try {
    segment = new URL(url).pathname.split('/').pop() ?? '';
  } catch {
    return '';
  }
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The filename of a Content-Disposition header: RFC 5987 `filename*` first, then `filename`. */
export function filenameFromDisposition(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      const charset = extended[1].toLowerCase();
      const raw = extended[2].trim().replace(/^"|"$/g, '');
      if (!charset || charset === 'utf-8') return decodeURIComponent(raw);
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  if (!plain) return undefined;
  const value = (plain[2] ?? plain[1]).trim();
  // Node hands header bytes over as latin1: many Chinese servers send raw UTF-8 file names.
  const bytes = Buffer.from(value, 'latin1');
  const utf8 = bytes.toString('utf8');
  const name = /[\u0080-\u00ff]/.test(value) && !utf8.includes('\uFFFD') ? utf8 : value;
  if (/%[0-9a-f]{2}/i.test(name)) {
    try {
      return decodeURIComponent(name);
    } catch {
      return name;
    }
  }
  return name;
}
