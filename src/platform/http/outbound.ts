import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/**
 * Outbound requests that cannot reach the intranet (issue 14 #10, server-side request forgery).
 *
 * Every request the product makes to an address someone typed in — 转载来源 lists, detail pages, images
 * and attachments, the monitor's pages and outbound links, the alert robots — goes through the agents of
 * this module. They refuse loopback, private, link-local, unique-local, CGNAT (100.64.0.0/10, where
 * Alibaba Cloud's metadata lives), cloud metadata and every other reserved address, IPv4, IPv6 and
 * IPv4-mapped IPv6, **at connect time**: on the address actually connected to, after DNS, for every hop
 * of a redirect (each hop is a new connection through the same agents). A name that resolves to
 * 127.0.0.1 is refused like the literal, and a name that changes its answer between a check and the
 * connection (DNS rebinding) cannot slip through, because there is no separate check.
 *
 * The address check is request-filtering-agent's; this module adds the bureau's explicit intranet
 * allow-list (网站设置 → 内网访问白名单, and `GONGKAI_OUTBOUND_ALLOW` for command-line runs), the own-site
 * exception of the monitor (the site's own configured address), and the Chinese messages.
 */

/** The environment variable of the allow-list (for `gongkai` runs without the CMS, and for operators). */
export const OUTBOUND_ALLOW_ENV = 'GONGKAI_OUTBOUND_ALLOW';

/** Where a person fixes a refusal: named in every message. */
export const allowListSettingName = '网站设置 → 内网访问白名单';

// Cloud metadata endpoints: never reached through a range of the allow-list, only when listed exactly
// (AWS/GCP/Azure IMDS, ECS task metadata, Alibaba Cloud, AWS IPv6 IMDS, Azure's wire server — the last
// one is a public address, so it is refused by name, not by range).
const metadataAddresses = ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254', '168.63.129.16'];

// IANA special-purpose ranges, for the check made when a source is saved (a literal address in a URL).
// The connect-time check does not use this table: it is request-filtering-agent's (ipaddr.js ranges).
const specialPurposeRanges: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  // (No ::ffff:0:0/96 here: Node's BlockList matches every IPv4 address against it; see literalRefusal.)
  ['::', 127, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 23, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const ipKind = (address: string): 'ipv4' | 'ipv6' | undefined => {
  const version = net.isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
};

const blockListOf = (ranges: [string, number, 'ipv4' | 'ipv6'][], addresses: string[] = []): net.BlockList => {
  const list = new net.BlockList();
  for (const [network, prefix, kind] of ranges) list.addSubnet(network, prefix, kind);
  for (const address of addresses) list.addAddress(address, ipKind(address));
  return list;
};

const specialPurpose = blockListOf(specialPurposeRanges);
const metadata = blockListOf([], metadataAddresses);

const inList = (list: net.BlockList, address: string): boolean => {
  const kind = ipKind(address);
  return kind !== undefined && list.check(address, kind);
};

/** A URL's host name as a bare address or lower-case name (`[::1]` → `::1`). */
const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** The allow-list text could not be read: the message says which entry and what to write instead. */
export class OutboundConfigError extends Error {
  override readonly name = 'OutboundConfigError';
}

const hostPattern = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** The entries of an allow-list text: one per line (or separated by commas, spaces, 、，；), `#` starts a comment. */
function entriesOf(text: string | readonly string[]): string[] {
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  return lines
    .flatMap((line) => line.replace(/#.*$/, '').split(/[\s,，、；;]+/))
    .map((e) => e.trim())
    .filter(Boolean);
}

const allowListHelp =
  '每项为 IP 地址（如 10.1.2.3）、网段（CIDR，如 10.0.0.0/8 或 fd00::/8）或域名（如 oa.example.gov.cn；*.example.gov.cn 表示其所有子域名），每行一项';

/** What is wrong with an allow-list text, in Chinese, saying what to write instead (empty when it is fine). */
export function allowListProblems(text: string | readonly string[]): string[] {
  const bad = entriesOf(text)
    .map(entryProblem)
    .filter((problem): problem is string => problem !== undefined);
  return bad.length ? [`内网访问白名单有误：${bad.join('；')}。${allowListHelp}`] : [];
}

function entryProblem(entry: string): string | undefined {
  const slash = entry.indexOf('/');
  const kind = slash >= 0 ? ipKind(entry.slice(0, slash)) : undefined;
  if (kind) {
    const prefixText = entry.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > (kind === 'ipv4' ? 32 : 128)) return `“${entry}”不是有效的网段`;
    return undefined;
  }
  if (ipKind(entry.replace(/^\[|\]$/g, ''))) return undefined;
  if (/^\d+(\.\d+)*$/.test(entry) || !hostPattern.test(entry.toLowerCase())) return `“${entry}”不是有效的 IP 地址、网段或域名`;
  return undefined;
}

/**
 * The rules of outbound requests: refuse every non-public address, except what the allow-list names.
 * Immutable; `OutboundAgents` turns it into the agents a request is made with.
 */
export class OutboundPolicy {
  /** The allow-list as written (normalized entries). */
  readonly entries: readonly string[];
  private readonly ranges = new net.BlockList();
  private readonly exact = new net.BlockList();
  private readonly hosts = new Set<string>();
  private readonly domains: string[] = [];
  private readonly origins: ReadonlySet<string>;

  private constructor(entries: string[], origins: ReadonlySet<string>) {
    this.entries = entries;
    this.origins = origins;
    for (const entry of entries) {
      const slash = entry.indexOf('/');
      if (slash >= 0) {
        const network = entry.slice(0, slash);
        this.ranges.addSubnet(network, Number(entry.slice(slash + 1)), ipKind(network));
        continue;
      }
      const address = entry.replace(/^\[|\]$/g, '');
      if (ipKind(address)) {
        this.exact.addAddress(address, ipKind(address));
        continue;
      }
      if (entry.startsWith('*.')) this.domains.push(entry.slice(2));
      else this.hosts.add(entry);
    }
  }

  /** Only public addresses: no allow-list. */
  static readonly none = new OutboundPolicy([], new Set());

  /** A policy from allow-list text; throws `OutboundConfigError` (Chinese) on a bad entry. */
  static parse(text: string | readonly string[]): OutboundPolicy {
    const problems = allowListProblems(text);
    if (problems.length) throw new OutboundConfigError(problems.join('；'));
    return new OutboundPolicy(
      entriesOf(text).map((e) => e.toLowerCase()),
      new Set(),
    );
  }

  /** The allow-list of `GONGKAI_OUTBOUND_ALLOW` (empty when unset). */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): OutboundPolicy {
    const text = env[OUTBOUND_ALLOW_ENV];
    if (!text?.trim()) return OutboundPolicy.none;
    try {
      return OutboundPolicy.parse(text);
    } catch (error) {
      throw new OutboundConfigError(`环境变量 ${OUTBOUND_ALLOW_ENV} 有误：${(error as Error).message}`);
    }
  }

  /** This policy and the entries of `text` (the setting merged with the environment's). */
  with(text: string | readonly string[]): OutboundPolicy {
    const added = OutboundPolicy.parse(text);
    return new OutboundPolicy([...new Set([...this.entries, ...added.entries])], this.origins);
  }

  /**
   * This policy, and requests to `url`'s origin (scheme, host and port) may reach any address but a
   * metadata one: the monitor's own site, whose address the same section configures as the allow-list.
   * Every other origin — a redirect elsewhere, an outbound link — is still checked.
   */
  trustingOrigin(url: string): OutboundPolicy {
    return new OutboundPolicy([...this.entries], new Set([...this.origins, new URL(url).origin]));
  }

  /** Whether the allow-list lets a connection to `address` through (a metadata address only when listed exactly). */
  allowsAddress(address: string): boolean {
    if (inList(this.exact, address)) return true;
    return inList(this.ranges, address) && !inList(metadata, address);
  }

  /**
   * For a host trusted by name or origin: every address but a cloud metadata one (unless listed exactly),
   * so a trusted name that resolves to the metadata service still cannot reach it.
   */
  allowsAddressOfTrustedHost(address: string): boolean {
    return this.allowsAddress(address) || !inList(metadata, address);
  }

  /** Whether requests to `url` go to any address but a metadata one: its host is allow-listed by name, or its origin is trusted. */
  trustsHost(url: URL): boolean {
    if (this.origins.has(url.origin)) return true;
    const host = bareHost(url);
    return this.hosts.has(host) || this.domains.some((domain) => host.endsWith(`.${domain}`));
  }

  /**
   * Why `url` would be refused, decided from the URL alone (a literal non-public address, or a
   * `localhost` name), for a form's validation when it is saved; undefined when it may be tried. The
   * connect-time check still decides every request: a name that resolves to the intranet passes here.
   */
  literalRefusal(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined; // the form's own URL check says what is wrong
    }
    if (this.trustsHost(parsed)) return undefined;
    const host = bareHost(parsed);
    const local = host === 'localhost' || host.endsWith('.localhost');
    const special = inList(specialPurpose, host) || inList(metadata, host) || (ipKind(host) === 'ipv6' && /^::ffff:/.test(host));
    const reserved = special && !this.allowsAddress(host);
    if (!local && !reserved) return undefined;
    return `${url} 指向本机、内网或保留地址（${host}），系统不会访问：确需访问内网网站的，请先在“${allowListSettingName}”中加入该地址、网段或域名`;
  }
}

// ---- Agents ---------------------------------------------------------------------------------------

type ConnectionListener = (error: Error | null, socket: Duplex) => void;
type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * request-filtering-agent compares single addresses of its allow-list as strings and throws (and
 * warns) on every CIDR of the other address family. So it is given no ranges: each address the
 * policy allows is added to its list, exactly as DNS returned it, before the agent checks it.
 */
function rememberAllowed(allows: (address: string) => boolean, allowed: string[], options: net.TcpNetConnectOpts): net.TcpNetConnectOpts {
  const remember = (address: string) => {
    if (allows(address) && !allowed.includes(address)) allowed.push(address);
  };
  if (options.host && ipKind(options.host)) remember(options.host);
  const lookup = (options.lookup ?? dns.lookup) as net.LookupFunction;
  const wrapped: net.LookupFunction = (hostname, lookupOptions, callback: LookupCallback) => {
    lookup(hostname, lookupOptions, (err, address, family) => {
      if (!err) for (const one of Array.isArray(address) ? address.map((a) => a.address) : [address]) remember(one);
      callback(err, address, family);
    });
  };
  return { ...options, lookup: wrapped };
}

const filterOptions = (allowed: string[]) => ({
  allowPrivateIPAddress: false,
  allowMetaIPAddress: false,
  allowIPAddressList: allowed,
  denyIPAddressList: [...metadataAddresses],
});

class GuardedHttpAgent extends RequestFilteringHttpAgent {
  private readonly allows: (address: string) => boolean;
  private readonly allowed: string[];
  constructor(allows: (address: string) => boolean, options: http.AgentOptions) {
    const allowed: string[] = [];
    super({ ...options, ...filterOptions(allowed) });
    this.allows = allows;
    this.allowed = allowed;
  }
  override createConnection(options: net.TcpNetConnectOpts, listener?: ConnectionListener) {
    return super.createConnection(rememberAllowed(this.allows, this.allowed, options), listener);
  }
}

class GuardedHttpsAgent extends RequestFilteringHttpsAgent {
  private readonly allows: (address: string) => boolean;
  private readonly allowed: string[];
  constructor(allows: (address: string) => boolean, options: https.AgentOptions) {
    const allowed: string[] = [];
    super({ ...options, ...filterOptions(allowed) });
    this.allows = allows;
    this.allowed = allowed;
  }
  override createConnection(options: net.TcpNetConnectOpts, listener?: ConnectionListener) {
    return super.createConnection(rememberAllowed(this.allows, this.allowed, options), listener);
  }
}

export interface AgentPair {
  http: http.Agent;
  https: https.Agent;
}

/**
 * The agents requests are made with under a policy: one pair for every host (public addresses and the
 * allow-list), one for hosts the allow-list names and the trusted origin (any address but a metadata
 * one). One set per client (a fetcher, a crawl), destroyed with it. Clients follow redirects by hand
 * and ask again for each hop: a pair chosen for the first URL never carries a redirect elsewhere.
 */
export class OutboundAgents {
  private readonly guarded: AgentPair;
  private readonly trusted: AgentPair;

  constructor(
    readonly policy: OutboundPolicy,
    options: { keepAlive?: boolean } = {},
  ) {
    const agentOptions = { keepAlive: options.keepAlive ?? false };
    const listed = (address: string) => policy.allowsAddress(address);
    const trusted = (address: string) => policy.allowsAddressOfTrustedHost(address);
    this.guarded = { http: new GuardedHttpAgent(listed, agentOptions), https: new GuardedHttpsAgent(listed, agentOptions) };
    this.trusted = { http: new GuardedHttpAgent(trusted, agentOptions), https: new GuardedHttpsAgent(trusted, agentOptions) };
  }

  /** The agents for a request to `url` (a redirect's next hop asks again). */
  for(url: URL | string): AgentPair {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    return this.policy.trustsHost(parsed) ? this.trusted : this.guarded;
  }

  /** The agent for `url`'s protocol. */
  agentFor(url: URL | string): http.Agent {
    const parsed = typeof url === 'string' ? new URL(url) : url;
    const pair = this.for(parsed);
    return parsed.protocol === 'https:' ? pair.https : pair.http;
  }

  destroy(): void {
    for (const agent of [this.guarded.http, this.guarded.https, this.trusted.http, this.trusted.https]) agent.destroy();
  }
}

// ---- Refusals -------------------------------------------------------------------------------------

export interface OutboundRefusal {
  /** The address refused. */
  address: string;
  /** The host name it was resolved from (the address itself for a literal). */
  host: string;
}

// request-filtering-agent's message (3.x): `DNS lookup ADDRESS(family:F, host:HOST) is not allowed. Because…`
const refusalPattern = /DNS lookup (\S+?)\(family:[^,]*, host:([^)]*)\) is not allowed/;

/** The refusal behind an error (looking through `cause`, as axios wraps it), or undefined. */
export function outboundRefusalOf(error: unknown): OutboundRefusal | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const message =
      current instanceof Error
        ? current.message
        : typeof current === 'object' && current !== null && 'message' in current
          ? String((current as { message: unknown }).message)
          : '';
    const match = refusalPattern.exec(message);
    if (match) return { address: match[1], host: match[2] === 'undefined' ? match[1] : match[2] };
    current = typeof current === 'object' && current !== null && 'cause' in current ? (current as { cause: unknown }).cause : undefined;
  }
  return undefined;
}

/** The Chinese reason a request to `url` was refused. */
export function refusalMessage(url: string, refusal: OutboundRefusal): string {
  const where =
    refusal.host && refusal.host !== refusal.address ? `${refusal.host} 解析到的地址 ${refusal.address}` : `地址 ${refusal.address}`;
  return `已拒绝访问 ${url}：${where} 属于本机、内网、链路本地、运营商级 NAT、云元数据或其他保留地址，为防止借本系统访问内网（SSRF）默认禁止访问；确需访问内网网站的，请在“${allowListSettingName}”中加入该地址、网段或域名`;
}
