import { v5 as uuidv5, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../errors';
import { SESSION_ID_NAMESPACE, sessionIdFor } from './session-id-for';

describe('sessionIdFor', () => {
  it('uses the namespace derived from urn:astra-ingest:session-id (written down; never change it)', () => {
    expect(SESSION_ID_NAMESPACE).toBe(uuidv5('urn:astra-ingest:session-id', uuidv5.URL));
  });

  it('still gives the ids of earlier runs (golden values: a change here orphans stored work)', () => {
    expect(sessionIdFor('t', 'https://youtu.be/dQw4w9WgXcQ')).toBe('276773cf-9a02-56b2-9acf-ff8db057e7dc');
    expect(sessionIdFor('ayto-madrid', 'https://cdn.example.com/pleno-2024-01.mp4')).toBe(
      '9f2074f5-637c-524f-aa3a-b31c761973f5',
    );
  });

  it('is UUIDv5 over "tenant\\ncanonical URL"', () => {
    const id = sessionIdFor('t', 'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=5');
    expect(version(id)).toBe(5);
    expect(id).toBe(uuidv5('t\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ', SESSION_ID_NAMESPACE));
  });

  it('gives every shape of one YouTube video the same id', () => {
    const shapes = [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ?si=abc',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=x',
    ];
    expect(new Set(shapes.map((url) => sessionIdFor('t', url))).size).toBe(1);
  });

  it('separates tenants and videos', () => {
    const url = 'https://youtu.be/dQw4w9WgXcQ';
    expect(sessionIdFor('a', url)).not.toBe(sessionIdFor('b', url));
    expect(sessionIdFor('a', url)).not.toBe(sessionIdFor('a', 'https://youtu.be/dQw4w9WgXcR'));
    expect(sessionIdFor('a', 'https://example.com/a.mp4?utm_source=x')).toBe(
      sessionIdFor('a', 'https://EXAMPLE.com/a.mp4#t=3'),
    );
  });

  it.each([
    ['A', 'https://youtu.be/dQw4w9WgXcQ', 'invalid_tenant'],
    ['a/b', 'https://youtu.be/dQw4w9WgXcQ', 'invalid_tenant'],
    ['t', 'ftp://example.com/x', 'invalid_video_url'],
    ['t', 'not a url', 'invalid_video_url'],
  ])('sessionIdFor(%j, %j) fails with %s', (tenant, url, code) => {
    let thrown: unknown;
    try {
      sessionIdFor(tenant, url);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractError);
    expect((thrown as ContractError).code).toBe(code);
  });
});
