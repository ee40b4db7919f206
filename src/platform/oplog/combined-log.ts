/**
 * The access log in nginx's `combined` format, which the embedded server writes as nginx does, so the
 * same tools (and our visit statistics) read either:
 *   $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"
 * Pure: formatting and parsing of one line.
 */

export interface AccessLogEntry {
  address: string;
  user: string;
  at: Date;
  method: string;
  /** The request target as sent (path and query). */
  target: string;
  protocol: string;
  status: number;
  bytes: number;
  referer: string;
  userAgent: string;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const chinaOffsetMs = 8 * 3600_000;

/** nginx's $time_local in China time: 24/Nov/2026:10:00:00 +0800. */
export function timeLocal(at: Date): string {
  const t = new Date(at.getTime() + chinaOffsetMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCDate())}/${months[t.getUTCMonth()]}/${t.getUTCFullYear()}:${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())} +0800`;
}

/** nginx escapes '"', '\' and bytes outside printable ASCII as \xHH in logged strings. */
function escapeField(value: string): string {
  return Buffer.from(value, 'utf8')
    .toString('latin1')
    .replace(/["\\]|[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One line of the combined format (without the newline). */
export function formatCombined(e: AccessLogEntry): string {
  const dash = (v: string) => (v ? escapeField(v) : '-');
  return `${e.address || '-'} - ${dash(e.user)} [${timeLocal(e.at)}] "${escapeField(`${e.method} ${e.target} ${e.protocol}`)}" ${e.status} ${e.bytes} "${dash(e.referer)}" "${dash(e.userAgent)}"`;
}

const linePattern =
  /^(\S+) \S+ (\S+) \[(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-]\d{4})\] "((?:[^"\\]|\\.)*)" (\d{3}) (\d+|-) "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"/;

/** nginx's \xHH escapes back to the UTF-8 text they came from. */
function unescapeField(value: string): string {
  const bytes = value.replace(/\\x([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** One combined-format line, or null when it is not one (a truncated line, another format). */
export function parseCombined(line: string): AccessLogEntry | null {
  const m = linePattern.exec(line);
  if (!m) return null;
  const month = months.indexOf(m[4]);
  if (month < 0) return null;
  const offset = (m[9].startsWith('-') ? -1 : 1) * (Number(m[9].slice(1, 3)) * 60 + Number(m[9].slice(3))) * 60_000;
  const at = new Date(Date.UTC(Number(m[5]), month, Number(m[3]), Number(m[6]), Number(m[7]), Number(m[8])) - offset);
  const request = unescapeField(m[10]);
  const [method = '', target = '', protocol = ''] = request.split(' ');
  const field = (v: string) => (v === '-' ? '' : unescapeField(v));
  return {
    address: m[1],
    user: field(m[2]),
    at,
    method,
    target,
    protocol,
    status: Number(m[11]),
    bytes: m[12] === '-' ? 0 : Number(m[12]),
    referer: field(m[13]),
    userAgent: field(m[14]),
  };
}
