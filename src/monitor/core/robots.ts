/**
 * A small robots.txt parser (RFC 9309): groups of User-agent lines with Allow/Disallow rules, '*'
 * and '$' wildcards, the longest matching rule wins and Allow wins a tie. Our own product token's
 * group is used when present, else the '*' group.
 */

interface Rule {
  allow: boolean;
  path: string;
  regex: RegExp;
}

interface Group {
  agents: string[];
  rules: Rule[];
}

export interface Robots {
  isAllowed(pathAndQuery: string): boolean;
  /** True when nothing but (maybe) robots.txt itself may be fetched. */
  disallowsAll(): boolean;
  crawlDelaySeconds?: number;
}

function toRegex(path: string): RegExp {
  const anchored = path.endsWith('$');
  const body = (anchored ? path.slice(0, -1) : path)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp('^' + body + (anchored ? '$' : ''));
}

/** Percent-encode what robots.txt authors write unencoded (e.g. Chinese paths) so both sides compare alike. */
function encodePath(path: string): string {
  try {
    return encodeURI(decodeURI(path));
  } catch {
    return path;
  }
}

export function parseRobots(text: string, userAgent: string): Robots {
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  const delays = new Map<Group, number>();
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const field = m[1].toLowerCase();
    const value = m[2].trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === 'allow' || field === 'disallow') {
      // An empty Disallow allows everything: it adds no rule.
      if (!value) continue;
      const path = encodePath(value);
      current.rules.push({ allow: field === 'allow', path, regex: toRegex(path) });
    } else if (field === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) delays.set(current, n);
    }
  }
  const token = userAgent.split('/')[0].trim().toLowerCase();
  const own = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = own.length ? own : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delay = chosen.map((g) => delays.get(g)).find((d) => d !== undefined);

  const isAllowed = (pathAndQuery: string): boolean => {
    if (pathAndQuery === '/robots.txt') return true;
    const target = encodePath(pathAndQuery);
    let best: Rule | undefined;
    for (const rule of rules) {
      if (!rule.regex.test(target)) continue;
      if (!best || rule.path.length > best.path.length || (rule.path.length === best.path.length && rule.allow && !best.allow)) best = rule;
    }
    return best ? best.allow : true;
  };
  return {
    isAllowed,
    disallowsAll: () => !isAllowed('/') && !rules.some((r) => r.allow && r.path !== '/' && r.path !== '/robots.txt'),
    crawlDelaySeconds: delay,
  };
}

export const allowAllRobots: Robots = { isAllowed: () => true, disallowsAll: () => false };
