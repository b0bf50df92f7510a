import { describe, expect, it } from 'vitest';
import { assertHostAllowed, isPublicAddress } from './public-address';

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['142.250.184.174', true],
    ['2a00:1450:4003:80f::200e', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:8.8.8.8', true],
    ['not an address', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('assertHostAllowed', () => {
  it.each([
    ['127.0.0.1', false, true],
    ['[::1]', false, true],
    ['127.0.0.1', true, false],
    ['example.org', false, false],
    ['8.8.8.8', false, false],
  ])('%s with private networks allowed=%s throws=%s', (host, allowPrivate, throws) => {
    const call = () => assertHostAllowed(host, allowPrivate);
    if (throws) expect(call).toThrow(/ASTRA_ALLOW_PRIVATE_NETWORK=true/);
    else expect(call).not.toThrow();
  });
});
