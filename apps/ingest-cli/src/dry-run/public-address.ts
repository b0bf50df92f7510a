import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a media URL must not reach unless private networks are allowed (architecture §10): loopback,
 * private, shared, link-local (cloud metadata), multicast, reserved and documentation ranges. IPv4-mapped
 * IPv6 addresses are matched against the IPv4 rules by BlockList itself.
 *
 * The dry run's own requests are the only connections the CLI makes outside the downloader; they follow the
 * same rule as downloads, on the address actually connected to (after DNS), not on the URL text.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
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
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** A connection the policy forbids; reported as the URL's problem, with the way to allow it. */
export class PrivateAddressError extends Error {
  override readonly name = 'PrivateAddressError';
  readonly code = 'private_address';

  constructor(host: string, address: string) {
    super(
      `${host} is ${host === address ? 'a' : `${address}, a`} loopback, private or reserved address (set ASTRA_ALLOW_PRIVATE_NETWORK=true for local setups)`,
    );
  }
}

/** Throws {@link PrivateAddressError} for an IP-literal host the policy forbids (Node connects to those without a lookup). */
export function assertHostAllowed(hostname: string, allowPrivateNetwork: boolean): void {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivateNetwork && isIP(host) !== 0 && !isPublicAddress(host)) throw new PrivateAddressError(host, host);
}

/** A `lookup` for http(s).request that refuses names resolving to a forbidden address. */
export function policyLookup(allowPrivateNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const forbidden = allowPrivateNetwork ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (forbidden) return callback(new PrivateAddressError(hostname, forbidden.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}
