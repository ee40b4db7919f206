import iconv from 'iconv-lite';

/**
 * Turning upstream bytes into text. Provincial and city sites are often GB2312/GBK and sometimes say so
 * only in a <meta> tag, or say UTF-8 in the header and send GBK: never assume UTF-8 (sources.md).
 */

export type CharsetSource = 'override' | 'bom' | 'header' | 'meta' | 'xml-prolog' | 'utf-8-valid' | 'gb18030-fallback';

export interface DecodedText {
  text: string;
  /** The charset actually used, as iconv-lite names it (gb18030, utf-8, big5 …). */
  charset: string;
  /** Where the charset came from, for diagnostics. */
  source: CharsetSource;
}

// GB18030 is a superset of GBK which is a superset of GB2312: decoding all three as GB18030 also reads
// the characters pages labelled "gb2312" use anyway (e.g. 镕, 堃 in names) instead of garbling them.
const GB_FAMILY = new Set(['gb2312', 'gb_2312', 'gb_2312-80', 'gbk', 'x-gbk', 'cp936', 'windows-936', 'ms936', 'csgb2312', 'iso-ir-58', 'chinese', 'gb18030']);

/** A charset label normalised to what we decode with, or undefined if iconv-lite does not know it. */
export function normalizeCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  const name = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!name) return undefined;
  if (GB_FAMILY.has(name)) return 'gb18030';
  if (name === 'utf8' || name === 'utf-8') return 'utf-8';
  return iconv.encodingExists(name) ? name : undefined;
}

/** The charset parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | undefined | null): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? m[2] : undefined;
}

/**
 * The charset a document declares in its first bytes: `<meta charset>`, `<meta http-equiv content=
 * "...; charset=...">` or the XML prolog. The head is read as latin1, which keeps ASCII intact whatever
 * the real encoding is.
 */
export function declaredCharset(bytes: Uint8Array): { charset: string; source: 'meta' | 'xml-prolog' } | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const prolog = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i.exec(head);
  if (prolog) return { charset: prolog[1], source: 'xml-prolog' };
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (meta) return { charset: meta[1], source: 'meta' };
  return undefined;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  // iconv-lite strips a BOM by default.
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/**
 * Decodes a response body. Order: the source's configured override; a BOM; the Content-Type charset;
 * `<meta>` / XML prolog; UTF-8 if the bytes are valid UTF-8; else GB18030.
 * A declared UTF-8 (header or meta) that the bytes contradict is not trusted: the next clue is used,
 * because "header says UTF-8, page is GBK" is the classic cause of garbled reprints.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null, override?: string | null): DecodedText {
  const forced = normalizeCharset(override);
  if (forced) return { text: decodeWith(bytes, forced), charset: forced, source: 'override' };

  const bom = bomCharset(bytes);
  if (bom) return { text: decodeWith(bytes, bom), charset: bom, source: 'bom' };

  const utf8Ok = (): boolean => isValidUtf8(bytes);
  const candidates: { charset: string | undefined; source: CharsetSource }[] = [
    { charset: normalizeCharset(charsetFromContentType(contentType)), source: 'header' },
  ];
  const declared = declaredCharset(bytes);
  if (declared) candidates.push({ charset: normalizeCharset(declared.charset), source: declared.source });

  for (const { charset, source } of candidates) {
    if (!charset) continue;
    if (charset === 'utf-8' && !utf8Ok()) continue;
    return { text: decodeWith(bytes, charset), charset, source };
  }
  if (utf8Ok()) return { text: decodeWith(bytes, 'utf-8'), charset: 'utf-8', source: 'utf-8-valid' };
  return { text: decodeWith(bytes, 'gb18030'), charset: 'gb18030', source: 'gb18030-fallback' };
}
