import { describe, expect, it } from 'vitest';
import { classifyAddress, isAddressAllowed, resolveEgressPolicy, type AddressCategory } from './egress-policy';

describe('classifyAddress', () => {
  it.each<[string, AddressCategory]>([
    ['8.8.8.8', 'public'],
    ['142.250.184.206', 'public'],
    ['2a00:1450:4003:80e::200e', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::808:808', 'public'], // NAT64 of 8.8.8.8
    ['127.0.0.1', 'private'],
    ['127.255.255.254', 'private'],
    ['::1', 'private'],
    ['::ffff:127.0.0.1', 'private'],
    ['::ffff:7f00:1', 'private'],
    ['64:ff9b::7f00:1', 'private'], // NAT64 of 127.0.0.1
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.1.1', 'private'],
    ['fe80::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['FD00:EC2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::7f00:1', 'reserved'], // IPv4-compatible form of 127.0.0.1
    ['2002:7f00:1::', 'reserved'], // 6to4
    ['localhost', 'reserved'], // not an address at all
    ['2130706433', 'reserved'],
  ])('%s is %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });
});

describe('isAddressAllowed', () => {
  it.each([
    ['8.8.8.8', false, true],
    ['127.0.0.1', false, false],
    ['127.0.0.1', true, true],
    ['10.0.0.1', true, true],
    ['169.254.169.254', true, false],
    ['fd00:ec2::254', true, false],
    ['0.0.0.0', true, false],
    ['224.0.0.1', true, false],
  ])('%s with allowPrivateNetwork %s → %s', (address, allowPrivateNetwork, allowed) => {
    expect(isAddressAllowed(address, allowPrivateNetwork)).toBe(allowed);
  });
});

describe('resolveEgressPolicy', () => {
  it('refuses private addresses by default', () => {
    expect(resolveEgressPolicy({})).toMatchObject({ allowedHosts: [], allowPrivateNetwork: false });
  });

  it.each([
    [{ allowedHosts: 'youtube.com' }],
    [{ allowedHosts: [1] }],
    [{ allowPrivateNetwork: 'true' }],
    [{ resolveHost: 'dns' }],
  ])('rejects %j with invalid_options', (options) => {
    expect(() => resolveEgressPolicy(options as never)).toThrow(expect.objectContaining({ code: 'invalid_options' }));
  });
});
