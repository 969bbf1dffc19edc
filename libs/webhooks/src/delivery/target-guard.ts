import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { LookupFunction } from 'node:net';

/**
 * Keeps webhooks from being a tool against the operator's own network (SSRF): a receiver must be
 * a public address. Refused: loopback, private, carrier-grade NAT, link-local (cloud metadata at
 * 169.254.169.254), "this network", benchmarking, documentation, multicast and reserved ranges, for
 * IPv4 and IPv6, IPv4 inside IPv6 (mapped, NAT64, 6to4) included, and names like `localhost`.
 * Checked when a webhook is created and again on every connection, on the addresses the name
 * resolves to then (a name that later resolves inward is caught, a DNS rebinding too).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** The 8 groups of an IPv6 address (`::` expanded, a dotted IPv4 tail turned into two groups). */
function groupsOf(address: string): number[] {
  let text = address.toLowerCase().split('%')[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}

const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** True when the address is not a public unicast one (see above). Anything that is not an IP address counts as not public. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  // BlockList already reads IPv4-mapped addresses (::ffff:a.b.c.d) against the IPv4 rules.
  if (blocked.check(address, 'ipv6')) return true;
  const g = groupsOf(address);
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that decides.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return blocked.check(v4(g[6], g[7]), 'ipv4');
  if (g[0] === 0x2002) return blocked.check(v4(g[1], g[2]), 'ipv4');
  // IPv4-compatible (::a.b.c.d, deprecated) likewise.
  if (g.slice(0, 6).every((x) => x === 0)) return blocked.check(v4(g[6], g[7]), 'ipv4');
  return false;
}

/** Names that mean this machine or its local network whatever DNS says. */
function isLocalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal') || !name.includes('.');
}

export type Resolve = (host: string) => Promise<string[]>;

/** Every address the system resolver gives for a name (as a connection would see them). */
export const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses.map((a) => a.address)))));

/** Why a URL may not receive webhooks, or undefined when it may. */
export async function refusalOf(url: string, allowPrivate: boolean, resolve: Resolve = systemResolve): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an http(s) URL';
  if (parsed.username || parsed.password) return 'must not carry a user name or password (the signature authenticates Solmu)';
  if (allowPrivate) return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isNonPublicAddress(host) ? `points at a private, loopback or link-local address (${host}); webhooks go to public receivers only` : undefined;
  if (isLocalName(host)) return `names a local host (${host}); webhooks go to public receivers only`;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return `has a host name that does not resolve (${host})`;
  }
  const inward = addresses.find(isNonPublicAddress);
  if (addresses.length === 0) return `has a host name that does not resolve (${host})`;
  return inward ? `resolves to a private, loopback or link-local address (${host} → ${inward}); webhooks go to public receivers only` : undefined;
}

/**
 * A `lookup` for http(s).request that refuses to connect to a non-public address: the check is on
 * the very addresses the socket is about to use.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as Array<{ address: string; family: number }>;
    const inward = list.find((a) => isNonPublicAddress(a.address));
    if (inward || list.length === 0) return callback(Object.assign(new Error(`refused: ${hostname} resolves to a non-public address (${inward?.address ?? 'none'})`), { code: 'EWEBHOOKTARGET' }), '', 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};
