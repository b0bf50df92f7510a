import { describe, expect, it } from 'vitest';
import type { Segment } from '../model';
import { mapSpeakers } from './map-speakers';

let start = 0;
function segment(speaker: string | undefined, voice: number | undefined, words: number): Segment {
  const first = start;
  start += words;
  return {
    offset: first,
    duration: words * 0.4,
    text: 'x',
    textOriginal: 'x',
    asrText: 'x',
    cer: 0,
    wer: 0,
    score: 1,
    ...(speaker === undefined ? {} : { speaker }),
    ...(voice === undefined ? {} : { diarizationSpeaker: voice }),
    fragmentId: 'f',
    wordRange: [first, first + words],
  };
}

describe('mapSpeakers', () => {
  const ruiz = [segment('Ruiz', 0, 20), segment('Ruiz', 0, 25), segment('Ruiz', 0, 20)];
  const lopez = [segment('López', 1, 20), segment('López', 1, 20), segment('López', 2, 15)];
  const rare = segment('Gil', 0, 8);

  it.each<[string, boolean, Segment]>([
    ['a label on its speaker’s voice', false, segment('Ruiz', 0, 10)],
    ['a label on another speaker’s voice (acta or diarization wrong)', true, segment('Ruiz', 1, 10)],
    ['a label on a second voice holding ≥ 20 % of its speaker (diarization split)', false, segment('López', 2, 10)],
    ['a speaker heard too little, on a voice established as someone else’s', true, rare],
    ['a speaker heard too little, on a voice heard too little to be anyone’s', false, segment('Gil', 2, 8)],
    ['a label without acta speaker', false, segment(undefined, 1, 10)],
    ['a label without diarization', false, segment('Ruiz', undefined, 10)],
  ])('%s → contradicts: %s', (_name, expected, probe) => {
    const map = mapSpeakers([...ruiz, ...lopez, rare]);
    expect(map.contradicts(probe)).toBe(expected);
  });

  it('reports the mapping with its evidence, by acta speaker, most words first', () => {
    const { mappings } = mapSpeakers([...ruiz, ...lopez, rare]);
    expect(mappings).toEqual([
      {
        actaSpeaker: 'Gil',
        diarizationSpeakers: [0],
        established: false,
        words: 8,
        evidence: [{ diarizationSpeaker: 0, words: 8, segments: 1 }],
      },
      {
        actaSpeaker: 'López',
        diarizationSpeakers: [1, 2],
        established: true,
        words: 55,
        evidence: [
          { diarizationSpeaker: 1, words: 40, segments: 2 },
          { diarizationSpeaker: 2, words: 15, segments: 1 },
        ],
      },
      {
        actaSpeaker: 'Ruiz',
        diarizationSpeakers: [0],
        established: true,
        words: 65,
        evidence: [{ diarizationSpeaker: 0, words: 65, segments: 3 }],
      },
    ]);
  });

  it('learns nothing without diarization', () => {
    expect(mapSpeakers([segment('Ruiz', undefined, 30)]).mappings).toEqual([]);
  });
});
