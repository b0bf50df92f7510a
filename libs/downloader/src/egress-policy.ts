import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { DownloadError } from './errors';

/** Turns a host name into the addresses a connection would go to (the default uses the system resolver). */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

/** Where downloads may connect to. Checked on every connection the tools open, after DNS, redirects included. */
export type EgressPolicyOptions = {
  /** Host allowlist: exact host or a subdomain of one (`youtube.com` allows `www.youtube.com`); empty = any host. */
  allowedHosts?: readonly string[];
  /**
   * Allow loopback, private, link-local, CGNAT and unique-local addresses (local setups, demos, tests). Off by
   * default. Cloud metadata endpoints, unspecified, multicast and reserved addresses stay refused either way.
   */
  allowPrivateNetwork?: boolean;
  /** DNS resolution of the egress proxy (tests map names to chosen addresses). */
  resolveHost?: ResolveHost;
};

export type ResolvedEgressPolicy = {
  allowedHosts: readonly string[];
  allowPrivateNetwork: boolean;
  resolveHost: ResolveHost;
};

/** Why an address is refused: `private` ones pass with `allowPrivateNetwork`, the others never. */
export type AddressCategory = 'public' | 'private' | 'metadata' | 'unspecified' | 'multicast' | 'reserved';

const systemResolveHost: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export function resolveEgressPolicy(options: EgressPolicyOptions): ResolvedEgressPolicy {
  const allowedHosts = options.allowedHosts ?? [];
  if (!Array.isArray(allowedHosts) || allowedHosts.some((host) => typeof host !== 'string')) {
    throw new DownloadError('invalid_options', 'allowedHosts must be a list of host names');
  }
  if (options.allowPrivateNetwork !== undefined && typeof options.allowPrivateNetwork !== 'boolean') {
    throw new DownloadError('invalid_options', 'allowPrivateNetwork must be true or false');
  }
  if (options.resolveHost !== undefined && typeof options.resolveHost !== 'function') {
    throw new DownloadError('invalid_options', 'resolveHost must be a function');
  }
  return {
    allowedHosts,
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    resolveHost: options.resolveHost ?? systemResolveHost,
  };
}

type Range = [address: string, prefix: number];

const METADATA: readonly Range[] = [
  ['169.254.169.254', 32], // AWS, GCP, Azure, OpenStack, Oracle
  ['169.254.170.2', 32], // AWS ECS task metadata
  ['169.254.169.123', 32], // AWS time sync
  ['100.100.100.200', 32], // Alibaba Cloud
  ['192.0.0.192', 32], // Oracle Cloud (legacy)
  ['fd00:ec2::254', 128], // AWS IMDS over IPv6
  ['fd00:ec2::23', 128], // AWS DNS over IPv6
];
const UNSPECIFIED: readonly Range[] = [
  ['0.0.0.0', 8],
  ['::', 128],
];
const MULTICAST: readonly Range[] = [
  ['224.0.0.0', 4],
  ['ff00::', 8],
];
const RESERVED: readonly Range[] = [
  ['240.0.0.0', 4], // reserved and broadcast
  ['192.0.2.0', 24], // documentation
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['2001:db8::', 32],
  ['::', 96], // IPv4-compatible (deprecated)
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2002::', 16], // 6to4 (deprecated): reaches IPv4 addresses through relays
];
const PRIVATE: readonly Range[] = [
  ['127.0.0.0', 8],
  ['::1', 128],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10], // carrier-grade NAT, often internal in clouds
  ['169.254.0.0', 16], // link-local
  ['fe80::', 10],
  ['fc00::', 7], // unique local
  ['fec0::', 10], // site-local (deprecated)
  ['192.0.0.0', 24], // IETF protocol assignments
  ['198.18.0.0', 15], // benchmarking
  ['64:ff9b:1::', 48], // local-use NAT64
];

function blockListOf(ranges: readonly Range[]): BlockList {
  const list = new BlockList();
  for (const [address, prefix] of ranges) list.addSubnet(address, prefix, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  return list;
}

/** First match wins: a metadata endpoint is `metadata`, not `private`. */
const CATEGORIES: ReadonlyArray<[AddressCategory, BlockList]> = [
  ['metadata', blockListOf(METADATA)],
  ['unspecified', blockListOf(UNSPECIFIED)],
  ['multicast', blockListOf(MULTICAST)],
  ['private', blockListOf(PRIVATE)],
  ['reserved', blockListOf(RESERVED)],
];

/** NAT64 well-known prefix: the last 32 bits are an IPv4 address, judged as such. */
const NAT64 = blockListOf([['64:ff9b::', 96]]);

/**
 * The category of an IP address (IPv4, IPv6, IPv4-mapped IPv6 and NAT64 judged by the IPv4 address they carry).
 * Anything that is not an IP address is `reserved` (refused).
 */
export function classifyAddress(address: string): AddressCategory {
  const family = isIP(address);
  if (family === 0) return 'reserved';
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (type === 'ipv6' && NAT64.check(address, 'ipv6')) {
    const embedded = embeddedIpv4(address);
    if (embedded !== undefined) return classifyAddress(embedded);
  }
  for (const [category, list] of CATEGORIES) {
    if (list.check(address, type)) return category;
  }
  return 'public';
}

/** Whether a connection to `address` is allowed: public always, private only with `allowPrivateNetwork`. */
export function isAddressAllowed(address: string, allowPrivateNetwork: boolean): boolean {
  const category = classifyAddress(address);
  return category === 'public' || (category === 'private' && allowPrivateNetwork);
}

/** `64:ff9b::7f00:1` → `127.0.0.1` (the last two groups of an IPv6 address). */
function embeddedIpv4(address: string): string | undefined {
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(canonical);
  if (dotted?.[1]) return dotted[1];
  const groups = canonical.split(':');
  const low = Number.parseInt(groups.at(-1) ?? '', 16);
  const high = Number.parseInt(groups.at(-2) ?? '', 16);
  if (!Number.isInteger(low) || !Number.isInteger(high)) return undefined;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
