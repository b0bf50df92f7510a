import { describe, expect, it } from 'vitest';
import { sanitizeRemoteText } from './redact';

describe('sanitizeRemoteText', () => {
  it('removes secrets, bearer values, signed URL queries and control characters', () => {
    const text = 'bad token tok-123 (Authorization: Bearer tok-123) for https://h/a.wav?sig=XYZ\nline2';
    const out = sanitizeRemoteText(text, ['tok-123']);
    expect(out).not.toContain('tok-123');
    expect(out).not.toContain('sig=XYZ');
    expect(out).not.toContain('\n');
    expect(out).toContain('https://h/a.wav?sig=redacted');
  });

  it('bounds the length', () => {
    expect(sanitizeRemoteText('x'.repeat(1000)).length).toBeLessThanOrEqual(301);
  });
});
