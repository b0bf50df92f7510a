import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isAddressAllowed } from '@astra/downloader';

/**
 * The dry run's own requests are the only connections the CLI makes outside the downloader. They follow the
 * downloader's egress rule (`isAddressAllowed`: public addresses; loopback and private ones only with
 * ASTRA_ALLOW_PRIVATE_NETWORK; cloud metadata, multicast and reserved ranges never), judged on the address
 * actually connected to (after DNS), not on the URL text.
 */

/** A connection the policy forbids; reported as the URL's problem, with the way to allow it when there is one. */
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
  if (isIP(host) !== 0 && !isAddressAllowed(host, allowPrivateNetwork)) throw new PrivateAddressError(host, host);
}

/** A `lookup` for http(s).request that refuses names resolving to a forbidden address. */
export function policyLookup(allowPrivateNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const forbidden = addresses.find((a) => !isAddressAllowed(a.address, allowPrivateNetwork));
      if (forbidden) return callback(new PrivateAddressError(hostname, forbidden.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}
