/**
 * N20: staff-facing functions reachable only from allowed addresses. `GONGKAI_ADMIN_ALLOW` lists the
 * addresses and ranges (CIDR) from which the Admin UI, the staff routes and signed-in API use are
 * allowed; unset, every address is (a direct install on the intranet). Pure; ranges parsed and matched
 * with ipaddr.js, IPv4 and IPv6, an IPv4-mapped IPv6 address (::ffff:10.1.2.3) read as its IPv4 one.
 */
import ipaddr from 'ipaddr.js';

export const ADMIN_ALLOW_ENV = 'GONGKAI_ADMIN_ALLOW';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface AdminAllowList {
  /** False when no list is set: every address is allowed. */
  restricted: boolean;
  ranges: Range[];
  /** The entries as written, for messages. */
  entries: string[];
}

/** Parses one entry: an address (a single host) or a CIDR range; null when it is neither. */
function parseEntry(entry: string): Range | null {
  try {
    if (!entry.includes('/'))
      return ipaddr.isValid(entry) ? [ipaddr.process(entry), ipaddr.process(entry).kind() === 'ipv4' ? 32 : 128] : null;
    const [address, bits] = ipaddr.parseCIDR(entry);
    // ::ffff:10.0.0.0/104 is 10.0.0.0/8: matched against the IPv4 form addresses are read in.
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96)
      return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
    return [address, bits];
  } catch {
    return null;
  }
}

/**
 * The list of `text`: entries separated by commas, spaces or new lines; `#` starts a comment. Every bad
 * entry is named in a Chinese problem, and a list with problems is not used.
 */
export function parseAdminAllowList(text: string | undefined): { list: AdminAllowList; problems: string[] } {
  const entries = (text ?? '')
    .split('\n')
    .map((line) => line.replace(/#.*/, ''))
    .join(' ')
    .split(/[\s,，]+/)
    .filter(Boolean);
  const ranges: Range[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const range = parseEntry(entry);
    if (range) ranges.push(range);
    else problems.push(`${ADMIN_ALLOW_ENV} 中的“${entry}”不是 IP 地址或 CIDR 网段（例如 10.1.2.3、10.20.0.0/16、fd00::/8）`);
  }
  return { list: { restricted: entries.length > 0, ranges, entries }, problems };
}

/** Whether `address` (as the server saw it) may use staff functions. An unreadable address is refused when a list is set. */
export function addressAllowed(list: AdminAllowList, address: string): boolean {
  if (!list.restricted) return true;
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return list.ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

/** The refusal staff see, in Chinese, naming their address and what to do. */
export function refusalMessage(address: string): string {
  return `您所在的网络地址（${address || '未知'}）不在管理后台允许访问的地址范围内。请在单位内网或指定终端上使用管理后台；如需调整，请联系系统管理员（环境变量 ${ADMIN_ALLOW_ENV}）。`;
}
