import { describe, expect, it } from 'vitest';
import { resolveAudioSource } from './resolve-audio-source';

const REPORT = 'file:///data/store/mining/t/datasets/v1/report.html';

describe('resolveAudioSource', () => {
  it.each([
    [
      'session audio in the same file storage: relative, with the span as a media fragment',
      'file:///data/store/mining/t/abc.wav',
      REPORT,
      { kind: 'playable', src: '../../abc.wav#t=812.44,822.31' },
    ],
    [
      'a cut WAV below the local copy',
      '/home/me/out/t/v1/wavs/abc_000812440.wav',
      'file:///home/me/out/t/v1/report.html',
      { kind: 'playable', src: 'wavs/abc_000812440.wav#t=812.44,822.31' },
    ],
    [
      'a folder with spaces and #: encoded',
      'file:///data/my%20store/a%23b.wav',
      'file:///data/report.html',
      { kind: 'playable', src: 'my%20store/a%23b.wav#t=812.44,822.31' },
    ],
    [
      'local audio, report of unknown place: absolute file URL',
      '/data/store/abc.wav',
      undefined,
      { kind: 'playable', src: 'file:///data/store/abc.wav#t=812.44,822.31' },
    ],
    [
      'local audio, report in S3: absolute file URL',
      'file:///data/store/abc.wav',
      's3://astra-raw/mining/t/datasets/v1/report.html',
      { kind: 'playable', src: 'file:///data/store/abc.wav#t=812.44,822.31' },
    ],
    [
      'http audio: as it is, its own fragment replaced',
      'https://media.example.org/a.wav#t=1',
      REPORT,
      { kind: 'playable', src: 'https://media.example.org/a.wav#t=812.44,822.31' },
    ],
    [
      'S3 audio: not playable, says where it is',
      's3://astra-raw/mining/t/abc.wav',
      REPORT,
      { kind: 'unplayable', reason: 's3', location: 's3://astra-raw/mining/t/abc.wav' },
    ],
    [
      'a file URL on another host',
      'file://nas/share/abc.wav',
      REPORT,
      { kind: 'unplayable', reason: 'unsupported', location: 'file://nas/share/abc.wav' },
    ],
    [
      'a relative path (no base to resolve it against)',
      'wavs/abc.wav',
      REPORT,
      { kind: 'unplayable', reason: 'unsupported', location: 'wavs/abc.wav' },
    ],
    [
      'an unknown scheme',
      'gs://bucket/abc.wav',
      REPORT,
      { kind: 'unplayable', reason: 'unsupported', location: 'gs://bucket/abc.wav' },
    ],
  ])('%s', (_name, audio, report, expected) => {
    expect(resolveAudioSource(audio, 812.44, 9.87, report)).toEqual(expected);
  });
});
