/** Charset detection and decoding: Content-Type, then BOM, then <meta>, then UTF-8 if valid, else GB18030. */
import iconv from 'iconv-lite';

const aliases: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  utf8: 'utf-8',
};

function canonical(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.trim().replace(/^["']|["']$/g, '').toLowerCase();
  const mapped = aliases[n] ?? n;
  return iconv.encodingExists(mapped) ? mapped : undefined;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return canonical(m?.[1]);
}

/** <meta charset> or <meta http-equiv="Content-Type" content="…charset=…"> in the first 4 KB. */
export function charsetFromMeta(head: Buffer): string | undefined {
  const ascii = head.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(ascii);
  return canonical(m?.[1]);
}

function isValidUtf8(body: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/** A body cut at the cap may end inside a UTF-8 sequence: drop that incomplete tail. */
function withoutPartialTail(body: Buffer): Buffer {
  for (let i = body.length - 1; i >= Math.max(0, body.length - 4); i--) {
    if (body[i] < 0x80) break;
    if (body[i] >= 0xc0) return body.subarray(0, i);
  }
  return body;
}

/** Decode an HTML body (`truncated`: cut at the body cap). */
export function decodeBody(body: Buffer, contentType: string | undefined, truncated = false): { text: string; charset: string } {
  let charset = charsetFromContentType(contentType);
  if (!charset) {
    if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) charset = 'utf-8';
    else if (body[0] === 0xff && body[1] === 0xfe) charset = 'utf-16le';
    else if (body[0] === 0xfe && body[1] === 0xff) charset = 'utf-16be';
  }
  charset ??= charsetFromMeta(body);
  // No declaration: UTF-8 when the bytes are valid UTF-8, else the Chinese default (GB18030 ⊇ GBK ⊇ GB2312).
  charset ??= isValidUtf8(truncated ? withoutPartialTail(body) : body) ? 'utf-8' : 'gb18030';
  const text = iconv.decode(body, charset);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, charset };
}
