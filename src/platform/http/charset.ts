import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Turning fetched bytes into text, for every client (the monitor's pages, S8; the syndication's
 * upstream sites, S9). Provincial and city sites are often GB2312/GBK and sometimes say so only in a
 * <meta> tag, or say UTF-8 in the header and send GBK: never assume UTF-8.
 */

export type CharsetSource =
  'override' | 'bom' | 'header' | 'meta' | 'xml-prolog' | 'utf-8-valid' | 'byte-pattern' | 'detected' | 'gb18030-fallback';

export interface DecodedText {
  text: string;
  /** The charset actually used, as iconv-lite names it (gb18030, utf-8, big5 …). */
  charset: string;
  /** Where the charset came from, for diagnostics. */
  source: CharsetSource;
}

// GB18030 is a superset of GBK which is a superset of GB2312: decoding all three as GB18030 also reads
// the characters pages labelled "gb2312" use anyway (e.g. 镕, 堃 in names) instead of garbling them.
const GB_FAMILY = new Set([
  'gb2312',
  'gb_2312',
  'gb_2312-80',
  'gbk',
  'x-gbk',
  'cp936',
  'windows-936',
  'ms936',
  'csgb2312',
  'iso-ir-58',
  'chinese',
  'gb18030',
]);

/** A charset label normalised to what we decode with, or undefined if iconv-lite does not know it. */
export function normalizeCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  const name = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
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

/** A body cut at the size cap may end inside a UTF-8 sequence: drop that incomplete tail. */
function withoutPartialTail(bytes: Uint8Array): Uint8Array {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    if (bytes[i] < 0x80) break;
    if (bytes[i] >= 0xc0) return bytes.subarray(0, i);
  }
  return bytes;
}

// One strict decoder for every call: it keeps no state between decode() calls without `stream`.
const strictUtf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of valid UTF-8 bytes, or undefined when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  return strictUtf8(bytes) !== undefined;
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  // UTF-32's BOMs before UTF-16's: FF FE 00 00 also starts with UTF-16LE's FF FE.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0x00 && bytes[3] === 0x00) return 'utf-32le';
  if (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'utf-32be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 and UTF-32 without a BOM, by where the zero bytes of ASCII characters fall: the first
 * characters of an XML or HTML document (`<`, `<?xml`) are ASCII, so XML 1.0 Appendix F's patterns
 * (`00 00 00 3C`, `3C 00 00 00`, `00 3C 00 3F`, `3C 00 3F 00`) and, for the rest, the zero bytes of the
 * first 512 bytes tell the width and the byte order.
 */
export function utfWithoutBom(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.byteLength, 512) & ~3;
  if (n < 4) return undefined;
  const zerosAt = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zerosAt[i % 4]++;
  const quarter = n / 4;
  const mostly = (count: number): boolean => count >= quarter * 0.7;
  const few = (count: number): boolean => count <= quarter * 0.1;
  if (mostly(zerosAt[1]) && mostly(zerosAt[2]) && mostly(zerosAt[3]) && few(zerosAt[0])) return 'utf-32le';
  if (mostly(zerosAt[0]) && mostly(zerosAt[1]) && mostly(zerosAt[2]) && few(zerosAt[3])) return 'utf-32be';
  const even = zerosAt[0] + zerosAt[2];
  const odd = zerosAt[1] + zerosAt[3];
  if (odd >= quarter * 2 * 0.5 && even <= quarter * 2 * 0.1) return 'utf-16le';
  if (even >= quarter * 2 * 0.5 && odd <= quarter * 2 * 0.1) return 'utf-16be';
  return undefined;
}

/** Encodings statistical detection may choose for undeclared bytes (East Asian ones; GB18030 stays the fallback). */
const DETECTABLE = new Map([
  ['Big5', 'big5'],
  ['Shift_JIS', 'shift_jis'],
  ['EUC-JP', 'euc-jp'],
  ['EUC-KR', 'euc-kr'],
  ['GB18030', 'gb18030'],
]);

/**
 * The encoding of undeclared, non-UTF-8 bytes by chardet's statistics (character frequencies of each
 * language): Big5 from Taiwan and Hong Kong, Shift_JIS and EUC-JP from Japan are no longer read as
 * GB18030. Only a confident East Asian answer counts; anything else is GB18030 as before.
 */
export function detectedCharset(bytes: Uint8Array): string | undefined {
  const candidates = chardet.analyse(bytes.byteLength > 65_536 ? bytes.subarray(0, 65_536) : bytes);
  const [best] = candidates;
  if (!best || best.confidence < 50) return undefined;
  // Short GBK text scores the same for EUC-KR as for GB18030 (both are EUC double-byte): a tie is
  // GB18030's, the encoding of the sites we read; another encoding has to score strictly higher.
  const gb = candidates.find((c) => c.name === 'GB18030')?.confidence ?? 0;
  if (best.name !== 'GB18030' && best.confidence <= gb) return 'gb18030';
  return DETECTABLE.get(best.name);
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  // iconv-lite strips a BOM by default.
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

export interface DecodeOptions {
  /** A charset that wins over everything the bytes say (a syndication source's `charset`). */
  override?: string | null;
  /** The body was cut at the size cap: an incomplete last UTF-8 character does not make it "not UTF-8". */
  truncated?: boolean;
}

/**
 * Decodes a response body. Order: the source's configured override; a BOM (UTF-8, UTF-16, UTF-32);
 * UTF-16/32 by their zero bytes; the Content-Type charset; `<meta>` / XML prolog; UTF-8 if the bytes are
 * valid UTF-8 (a cut body's incomplete last character aside); a confident statistical guess among East Asian encodings (Big5, Shift_JIS …); else GB18030.
 * A declared UTF-8 (header or meta) that the bytes contradict is not trusted: the next clue is used,
 * because "header says UTF-8, page is GBK" is the classic cause of garbled reprints.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null, options: DecodeOptions | string | null = {}): DecodedText {
  const { override, truncated } = typeof options === 'string' || options === null ? { override: options, truncated: false } : options;
  const forced = normalizeCharset(override);
  if (forced) return { text: decodeWith(bytes, forced), charset: forced, source: 'override' };

  const bom = bomCharset(bytes);
  if (bom) return { text: decodeWith(bytes, bom), charset: bom, source: 'bom' };
  // Before any declaration: an ASCII-compatible reading of UTF-16 bytes finds no declaration anyway,
  // and one it finds (`encoding="UTF-16"`) cannot say the byte order.
  const wide = utfWithoutBom(bytes);
  if (wide) return { text: decodeWith(bytes, wide), charset: wide, source: 'byte-pattern' };

  // UTF-8 is checked by decoding it strictly, once, and that text is the answer: the common page (the
  // header says UTF-8 and the bytes are) is decoded once, not validated and then decoded again.
  let utf8Text: string | undefined | null = null;
  const utf8 = (): string | undefined => {
    if (utf8Text === null) {
      const complete = truncated ? withoutPartialTail(bytes) : bytes;
      const text = strictUtf8(complete);
      // A cut body keeps its incomplete last character as U+FFFD, as iconv-lite decodes it.
      utf8Text = text === undefined || complete.byteLength === bytes.byteLength ? text : decodeWith(bytes, 'utf-8');
    }
    return utf8Text;
  };
  const decodeAs = (charset: string | undefined, source: CharsetSource): DecodedText | undefined => {
    if (!charset) return undefined;
    if (charset !== 'utf-8') return { text: decodeWith(bytes, charset), charset, source };
    const text = utf8();
    return text === undefined ? undefined : { text, charset, source };
  };
  const fromHeader = decodeAs(normalizeCharset(charsetFromContentType(contentType)), 'header');
  if (fromHeader) return fromHeader;
  const declared = declaredCharset(bytes);
  const fromDeclaration = declared && decodeAs(normalizeCharset(declared.charset), declared.source);
  if (fromDeclaration) return fromDeclaration;
  const valid = decodeAs('utf-8', 'utf-8-valid');
  if (valid) return valid;
  const detected = detectedCharset(bytes);
  if (detected && detected !== 'gb18030') return { text: decodeWith(bytes, detected), charset: detected, source: 'detected' };
  return { text: decodeWith(bytes, 'gb18030'), charset: 'gb18030', source: 'gb18030-fallback' };
}
