/** A CSV cell, quoted where needed; a leading = + - @ is defused (CSV injection). */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  // A cell starting with = + - @ would run as a formula in Excel (CSV injection).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
