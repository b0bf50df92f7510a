import { describe, expect, it } from 'vitest';
import { assertHostAllowed } from './egress-lookup';

describe('assertHostAllowed (the downloader egress rule, on IP-literal hosts)', () => {
  it.each([
    ['127.0.0.1', false, true],
    ['[::1]', false, true],
    ['10.1.2.3', false, true],
    ['[::ffff:7f00:1]', false, true],
    ['127.0.0.1', true, false],
    ['192.168.1.1', true, false],
    // Cloud metadata stays refused even where private networks are allowed.
    ['169.254.169.254', true, true],
    ['example.org', false, false],
    ['8.8.8.8', false, false],
  ])('%s with private networks allowed=%s throws=%s', (host, allowPrivate, throws) => {
    const call = () => assertHostAllowed(host, allowPrivate);
    if (throws) expect(call).toThrow(/loopback, private or reserved address/);
    else expect(call).not.toThrow();
  });
});
