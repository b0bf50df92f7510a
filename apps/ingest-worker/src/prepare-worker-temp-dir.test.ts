import { describe, expect, it } from 'vitest';
import { isProcessAlive, parseOwner, sanitizeHost } from './prepare-worker-temp-dir';

describe('parseOwner', () => {
  it.each([
    ['box-1-4242', { host: 'box-1', pid: 4242 }],
    ['ip-10-0-0-7.eu-west-1.compute.internal-17', { host: 'ip-10-0-0-7.eu-west-1.compute.internal', pid: 17 }],
    ['astra-mine-abc123', undefined],
    ['lost+found', undefined],
    ['4242', undefined],
  ])('%s', (name, owner) => {
    expect(parseOwner(name)).toEqual(owner);
  });

  it('reads back what sanitizeHost wrote', () => {
    expect(parseOwner(`${sanitizeHost('my host/ä')}-9`)).toEqual({ host: 'my_host__', pid: 9 });
  });
});

describe('isProcessAlive', () => {
  it('is true for this process and false for a pid that cannot exist', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2 ** 30)).toBe(false);
  });
});
