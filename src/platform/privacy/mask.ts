/**
 * N15: personal data on public pages is masked — mobile numbers as 138****1234, resident ID numbers as
 * 35*************123. Office landlines (0883-2123456), dates, 发文字号, 索引号 and amounts are left alone.
 */

export interface PersonalDataMatch {
  kind: 'mobile' | 'idCard';
  value: string;
  index: number;
}

// A number is only personal data when it stands alone: no digit (or decimal point and digit) directly
// before or after, so pieces of longer digit runs, amounts and 索引号 never match.
const standsAloneBefore = '(?<!\\d|\\d\\.)';
const standsAloneAfter = '(?!\\d|\\.\\d)';
// Region codes start with 1–8 (11 北京 … 82 澳门); landlines start with 0.
const region = '[1-8]\\d{5}';
const monthDay = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
// A plausible birth date (19xx/20xx, month 01–12, day 01–31) keeps other 18-digit numbers out. The check
// digit is deliberately not verified: a mistyped ID still identifies a person, so it is masked too.
const idCard18 = `${region}(?:19|20)\\d{2}${monthDay}\\d{3}[\\dXx]`;
const idCard15 = `${region}\\d{2}${monthDay}\\d{3}`;
// Mainland mobiles, also written 138 1234 5678 or 138-1234-5678, and after +86.
const mobile = '1[3-9]\\d(?:[- ]?\\d{4}){2}';

const personalData = new RegExp(
  `(?<idCard>${standsAloneBefore}(?:${idCard18}|${idCard15})${standsAloneAfter})|(?<mobile>(?:${standsAloneBefore}|(?<=\\+86))${mobile}${standsAloneAfter})`,
  'g',
);

/** Every unmasked mobile or ID number in the text, in order of appearance. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  return [...text.matchAll(personalData)].map((match) => ({
    kind: match.groups?.idCard ? 'idCard' : 'mobile',
    value: match[0],
    index: match.index,
  }));
}

/** One number as the public sees it: 138****1234, 35*************123. */
function maskOne(value: string): string {
  const digits = value.replace(/[- ]/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 5)}${digits.slice(-3)}`;
}

/** The text with every mobile number and ID number masked. */
export function maskPersonalData(text: string): string {
  return text.replace(personalData, maskOne);
}

/**
 * Pieces of text read together (the text nodes of one paragraph: 138<b>1234</b>5678 is one number on
 * the page), each masked: a number that spans pieces is masked as a whole, its masked form put in the
 * piece where it starts and its other digits taken out of the rest. The pieces keep their count.
 */
export function maskPieces(pieces: readonly string[]): string[] {
  const text = pieces.join('');
  const matches = [...text.matchAll(personalData)].map((m) => ({ start: m.index, end: m.index + m[0].length, masked: maskOne(m[0]) }));
  if (!matches.length) return [...pieces];
  let offset = 0;
  return pieces.map((piece) => {
    const from = offset;
    const to = offset + piece.length;
    offset = to;
    let out = '';
    let at = from;
    for (const match of matches) {
      if (match.end <= from || match.start >= to) continue;
      if (match.start > at) out += text.slice(at, match.start);
      if (match.start >= from) out += match.masked;
      at = Math.min(match.end, to);
    }
    return out + text.slice(at, to);
  });
}

/**
 * Text for a public summary or excerpt (feeds, search results): whitespace collapsed, masked, and only
 * then cut to `length` characters — from the start, or from a little before the first `around` — so a
 * cut never leaves part of a number unmasked.
 */
export function maskedExcerpt(text: string, length: number, around?: string): string {
  const masked = maskPersonalData(text.replace(/\s+/g, ' '));
  const at = around ? masked.indexOf(around) : 0;
  const start = Math.max(0, at - Math.floor(length / 3));
  return masked.slice(start, start + length);
}
