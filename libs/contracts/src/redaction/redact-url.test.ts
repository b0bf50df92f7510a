import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    [
      'a YouTube URL keeps its video id, hides the rest',
      'https://www.youtube.com/watch?v=abc123&si=TRACK',
      'https://www.youtube.com/watch?v=abc123&si=redacted',
    ],
    ['youtu.be keeps t', 'https://youtu.be/abc?t=30&si=X', 'https://youtu.be/abc?t=30&si=redacted'],
    [
      'S3 presigned URL',
      'https://b.s3.amazonaws.com/k.wav?X-Amz-Signature=SECRET&X-Amz-Credential=AKIA',
      'https://b.s3.amazonaws.com/k.wav?X-Amz-Signature=redacted&X-Amz-Credential=redacted',
    ],
    ['v is not safe off YouTube', 'https://cdn.example/a.webm?v=TOKEN', 'https://cdn.example/a.webm?v=redacted'],
    [
      'credentials',
      'http://alice:urlpass@host.example/s.webm?sig=TOKEN',
      'http://redacted@host.example/s.webm?sig=redacted',
    ],
    ['user only', 'https://tok@host.example/a', 'https://redacted@host.example/a'],
    ['fragment dropped', 'https://example.org/a.mp3#access_token=X', 'https://example.org/a.mp3'],
    ['no secrets', 'http://127.0.0.1:8080/files/a.webm', 'http://127.0.0.1:8080/files/a.webm'],
    ['s3 URI', 's3://astra-raw/mining/t/a.wav', 's3://astra-raw/mining/t/a.wav'],
    ['file URI', 'file:///data/a.wav', 'file:///data/a.wav'],
    ['redis password', 'redis://user:secret@redis.internal:6379/0', 'redis://redacted@redis.internal:6379/0'],
    ['valueless parameter kept', 'https://h.example/a?download', 'https://h.example/a?download'],
  ])('%s', (_label, input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('keeps a redacted URL parsable as a URL', () => {
    expect(() => new URL(redactUrl('http://u:p@h.example/a?sig=1#x'))).not.toThrow();
  });

  it.each([
    ['credentials in an unparsable URL', 'http://u:secret@[bad/a?sig=SECRET', 'secret'],
    ['a query in an unparsable URL', 'http://[bad/a?token=SECRET', 'SECRET'],
  ])('hides %s', (_label, input, secret) => {
    expect(redactUrl(input)).not.toContain(secret);
  });

  it('shortens and cleans what is not a URL', () => {
    const out = redactUrl(`--exec=${'x'.repeat(200)}\u0000`);
    expect(out.length).toBeLessThanOrEqual(81);
    expect(out).not.toContain('\u0000');
  });
});

describe('redactText', () => {
  it('redacts every URL in a text', () => {
    expect(redactText('ERROR: got https://a.example/x?token=T1 then s3://b/y?X-Amz-Signature=T2 (done)')).toBe(
      'ERROR: got https://a.example/x?token=redacted then s3://b/y?X-Amz-Signature=redacted (done)',
    );
  });
});
