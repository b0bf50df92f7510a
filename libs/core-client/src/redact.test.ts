import { describe, expect, it } from 'vitest';
import { redactUri, sanitizeRemoteText } from './redact';

describe('redactUri', () => {
  it.each([
    ['s3://astra-raw/mining/t/a.wav', 's3://astra-raw/mining/t/a.wav'],
    [
      'https://astra-raw.s3.amazonaws.com/mining/t/a.wav?X-Amz-Signature=abc&X-Amz-Credential=AKIA',
      'https://astra-raw.s3.amazonaws.com/mining/t/a.wav?[redacted]',
    ],
    ['https://user:secret@example.org/a.wav#t=1', 'https://[redacted]@example.org/a.wav?[redacted]'],
    ['file:///data/a.wav', 'file:///data/a.wav'],
  ])('%s', (input, expected) => {
    expect(redactUri(input)).toBe(expected);
  });
});

describe('sanitizeRemoteText', () => {
  it('removes secrets, bearer values, signed URL queries and control characters', () => {
    const text = 'bad token tok-123 (Authorization: Bearer tok-123) for https://h/a.wav?sig=XYZ\nline2';
    const out = sanitizeRemoteText(text, ['tok-123']);
    expect(out).not.toContain('tok-123');
    expect(out).not.toContain('sig=XYZ');
    expect(out).not.toContain('\n');
    expect(out).toContain('https://h/a.wav?[redacted]');
  });

  it('bounds the length', () => {
    expect(sanitizeRemoteText('x'.repeat(1000)).length).toBeLessThanOrEqual(301);
  });
});
