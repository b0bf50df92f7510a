import { describe, expect, it } from 'vitest';
import { canonicalVideoUrl } from './canonical-video-url';
import { ContractError } from '../errors';

describe('canonicalVideoUrl', () => {
  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ?t=42',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share',
    'https://music.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=3',
    'https://www.youtube.com/live/dQw4w9WgXcQ?si=x',
    'http://YOUTUBE.com/watch?t=10&v=dQw4w9WgXcQ#frag',
  ])('maps the YouTube URL %s to its watch URL', (url) => {
    expect(canonicalVideoUrl(url)).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });

  it.each([
    ['HTTP://Example.COM:80/Path/File.MP4?b=2&a=1#frag', 'http://example.com/Path/File.MP4?b=2&a=1'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://cdn.example.com/v.mp4?utm_source=x&token=abc&utm_medium=y', 'https://cdn.example.com/v.mp4?token=abc'],
    ['https://cdn.example.com/v.mp4?utm_source=x', 'https://cdn.example.com/v.mp4'],
    [
      'https://cdn.example.com/v.mp4?UTM_Campaign=x&fbclid=1&gclid=2&msclkid=3&id=7',
      'https://cdn.example.com/v.mp4?id=7',
    ],
    ['https://example.com/a?x=1%202&y=a+b', 'https://example.com/a?x=1%202&y=a+b'],
    ['https://example.com/a?x=1%202&fbclid=zz&y=a+b', 'https://example.com/a?x=1%202&y=a+b'],
    ['https://example.com/a?utm=keep&utmx=keep', 'https://example.com/a?utm=keep&utmx=keep'],
    ['https://example.com/Pleno%20Enero.mp4', 'https://example.com/Pleno%20Enero.mp4'],
    ['https://sede.logroño.es/v.mp4', 'https://sede.xn--logroo-0wa.es/v.mp4'],
    ['http://127.0.0.1:8080/media/a.webm', 'http://127.0.0.1:8080/media/a.webm'],
  ])('canonicalises %s', (url, expected) => {
    expect(canonicalVideoUrl(url)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = canonicalVideoUrl('HTTP://Example.COM:80/a?utm_source=x&b=1#f');
    expect(canonicalVideoUrl(once)).toBe(once);
  });

  it.each([
    '',
    'not a url',
    'ftp://example.com/a.mp4',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '/relative/path.mp4',
    '--help',
  ])('rejects %j with invalid_uri', (url) => {
    let thrown: unknown;
    try {
      canonicalVideoUrl(url);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractError);
    expect((thrown as ContractError).code).toBe('invalid_video_url');
  });
});
