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

/** The text with every mobile number and ID number masked. */
export function maskPersonalData(text: string): string {
  return text.replace(personalData, (value) => {
    const digits = value.replace(/[- ]/g, '');
    if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 5)}${digits.slice(-3)}`;
  });
}
