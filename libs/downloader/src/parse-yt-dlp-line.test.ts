import { describe, expect, it } from 'vitest';
import { parseYtDlpLine, toDownloadProgress, toSourceMetadata } from './parse-yt-dlp-line';

describe('parseYtDlpLine', () => {
  it('reads the metadata line (absent fields stay absent)', () => {
    const parsed = parseYtDlpLine(
      'ASTRA-META {"id": "a", "title": "Pleno", "upload_date": "20240301", "webpage_url": "http://h/a.webm", "extractor": "generic", "duration": null}',
    );
    expect(parsed).toEqual({
      kind: 'meta',
      meta: { id: 'a', title: 'Pleno', upload_date: '20240301', webpage_url: 'http://h/a.webm', extractor: 'generic' },
    });
  });

  it('reads a progress line', () => {
    expect(
      parseYtDlpLine(
        'ASTRA-PROGRESS {"status": "downloading", "downloaded_bytes": 1024, "total_bytes": 4096, "eta": null}',
      ),
    ).toEqual({
      kind: 'progress',
      progress: { status: 'downloading', downloaded_bytes: 1024, total_bytes: 4096 },
    });
  });

  it('reads the subtitle list', () => {
    const subs = parseYtDlpLine(
      'ASTRA-SUBS {"requested_subtitles": {"es": {"ext": "json3", "url": "u"}, "en": {"ext": "vtt"}}, "subtitles": {"en": []}}',
    );
    expect(subs).toEqual({
      kind: 'subs',
      subs: { requested: { es: 'json3', en: 'vtt' }, humanLanguages: new Set(['en']) },
    });
    expect(parseYtDlpLine('ASTRA-SUBS {"requested_subtitles": null, "subtitles": null}')).toEqual({
      kind: 'subs',
      subs: { requested: {}, humanLanguages: new Set() },
    });
  });

  it.each([
    '[download] Destination: source.webm',
    'ASTRA-META {not json',
    'ASTRA-META {"title": "no id"}',
    'ASTRA-PROGRESS []',
    'ASTRA-FILE /tmp/astra-dl-x/source.webm',
    'WARNING: [generic] Falling back on generic information extractor',
  ])('treats %j as other output', (line) => {
    expect(parseYtDlpLine(line)).toEqual({ kind: 'other' });
  });
});

describe('toDownloadProgress', () => {
  it.each([
    [
      { status: 'downloading', downloaded_bytes: 512, total_bytes: 2048, eta: 3, speed: 1000.4 },
      { stage: 'download', downloadedBytes: 512, totalBytes: 2048, percent: 25, etaSec: 3, speedBps: 1000 },
    ],
    [
      { status: 'downloading', downloaded_bytes: 100, total_bytes_estimate: 300.7 },
      { stage: 'download', downloadedBytes: 100, totalBytes: 301, percent: 33.3 },
    ],
    [
      { status: 'downloading', downloaded_bytes: 100 },
      { stage: 'download', downloadedBytes: 100 },
    ],
    [
      { status: 'finished', downloaded_bytes: 2048, total_bytes: 2048 },
      { stage: 'download', downloadedBytes: 2048, totalBytes: 2048, percent: 100 },
    ],
  ])('%j → %j', (progress, expected) => {
    expect(toDownloadProgress(progress)).toEqual(expected);
  });
});

describe('toSourceMetadata', () => {
  it('maps yt-dlp fields, converts the upload date and keeps the requested URL', () => {
    expect(
      toSourceMetadata(
        {
          id: 'dQw4w9WgXcQ',
          title: 'Pleno ordinario',
          duration: 5400.5,
          uploader: 'Ayuntamiento',
          upload_date: '20240301',
          webpage_url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
          extractor: 'youtube',
        },
        'https://youtu.be/dQw4w9WgXcQ',
      ),
    ).toEqual({
      id: 'dQw4w9WgXcQ',
      title: 'Pleno ordinario',
      durationSec: 5400.5,
      uploader: 'Ayuntamiento',
      uploadDate: '2024-03-01',
      webpageUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      extractor: 'youtube',
      url: 'https://youtu.be/dQw4w9WgXcQ',
    });
  });

  it('falls back to the URL and the extractor key, and drops a bad date', () => {
    expect(
      toSourceMetadata({ id: 'a', extractor_key: 'Generic', upload_date: '2024-03-01' }, 'http://h/a.webm'),
    ).toEqual({
      id: 'a',
      webpageUrl: 'http://h/a.webm',
      extractor: 'Generic',
      url: 'http://h/a.webm',
    });
  });
});
