/** URL helpers shared by the crawler and the checks. */

/** Absolute http(s) URL without fragment, or undefined for mailto:, javascript:, bad URLs … */
export function normalizeUrl(raw: string, base?: string): string | undefined {
  const trimmed = raw.trim();
  if (!trimmed || /^(mailto|javascript|tel|data|sms|ftp|file|about|blob):/i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  return url.toString();
}

/** 'host:port' as URL.host gives it (default ports left out). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** Hostname without port. */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Whether `url` is on one of the site's hosts ('host:port' or bare hostnames, which match any port). */
export function isOnHosts(url: string, hosts: string[]): boolean {
  let host = '';
  let hostname = '';
  try {
    const parsed = new URL(url);
    host = parsed.host.toLowerCase();
    hostname = parsed.hostname.toLowerCase();
  } catch {
    // Not a URL: on no host, unless a host entry is empty.
  }
  return hosts.some((h) => {
    const entry = h.toLowerCase();
    return entry.includes(':') ? entry === host : entry === hostname || entry === host;
  });
}

/**
 * Whether a host matches an allowlist entry: 'example.com' matches exactly, '.gov.cn' matches the
 * suffix (www.gov.cn, yn.gov.cn …).
 */
export function hostMatches(hostname: string, entries: string[]): boolean {
  const h = hostname.toLowerCase();
  return entries.some((raw) => {
    const e = raw.toLowerCase();
    return e.startsWith('.') ? h.endsWith(e) || h === e.slice(1) : h === e;
  });
}

/** Path + query of an absolute URL (what robots.txt rules match). */
export function pathAndQuery(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
