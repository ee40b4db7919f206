/*
 * Check digits of the identifiers an application carries (条例 第二十九条: 身份证明), so a mistyped
 * number is caught on the form rather than weeks later, and the query code given to the applicant.
 */

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckCodes = '10X98765432';

/** GB 11643-1999: an 18-character resident ID number with a valid birth date and check character. */
export function isValidResidentId(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^[1-8]\d{16}[\dX]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || birth < '1900-01-01') return false;
  const sum = idWeights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return idCheckCodes[sum % 11] === id[17];
}

// GB 32100-2015: 统一社会信用代码, 18 characters from 31 (no I, O, Z, S, V).
const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: an 18-character unified social credit code with a valid check character. */
export function isValidCreditCode(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = creditWeights.reduce((acc, w, i) => acc + w * creditChars.indexOf(code[i]), 0);
  return creditChars[(31 - (sum % 31)) % 31] === code[17];
}
