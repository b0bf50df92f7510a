import { describe, expect, it } from 'vitest';
import { diffWords, MAX_DIFF_WORDS } from './diff-words';

describe('diffWords', () => {
  it.each([
    [
      'identical but for case, accents and punctuation',
      'Buenas tardes, señor Pérez.',
      'buenas tardes senor perez',
      [{ kind: 'same', text: 'Buenas tardes, señor Pérez.' }],
    ],
    [
      'a substitution',
      'número 3 del orden',
      'número tres del orden',
      [
        { kind: 'same', text: 'número' },
        { kind: 'label', text: '3' },
        { kind: 'asr', text: 'tres' },
        { kind: 'same', text: 'del orden' },
      ],
    ],
    [
      'words the ASR did not hear',
      'se aprueba por unanimidad',
      'se aprueba',
      [
        { kind: 'same', text: 'se aprueba' },
        { kind: 'label', text: 'por unanimidad' },
      ],
    ],
    [
      'words heard but not in the label',
      'se aprueba',
      'eh se aprueba',
      [
        { kind: 'asr', text: 'eh' },
        { kind: 'same', text: 'se aprueba' },
      ],
    ],
    [
      'punctuation-only tokens ride with a word',
      '¿ Alguna observación — al acta ?',
      'alguna observación al acta',
      [{ kind: 'same', text: '¿ Alguna observación — al acta ?' }],
    ],
    ['an empty ASR', 'Texto', '', [{ kind: 'label', text: 'Texto' }]],
    ['both empty', '', '', []],
  ])('%s', (_name, label, asr, expected) => {
    expect(diffWords(label, asr)).toEqual(expected);
  });

  it('gives up (undefined) past the word bound instead of spending unbounded time', () => {
    const long = Array.from({ length: MAX_DIFF_WORDS + 1 }, (_, i) => `w${i}`).join(' ');
    expect(diffWords(long, 'w0')).toBeUndefined();
    expect(diffWords('w0', long)).toBeUndefined();
    expect(diffWords(long.split(' ').slice(0, MAX_DIFF_WORDS).join(' '), 'w0')).toBeDefined();
  });
});
