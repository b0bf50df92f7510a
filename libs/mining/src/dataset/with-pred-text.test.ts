import { describe, expect, it } from 'vitest';
import type { ManifestLine } from '@astra/aligner';
import { withPredText } from './with-pred-text';

const line: ManifestLine = {
  audio_filepath: 's3://astra-raw/mining/t/x.wav',
  offset: 1,
  duration: 2,
  text: 'Buenas tardes.',
  text_original: 'Buenas tardes.',
  asr_text: 'buenas tardes',
  cer: 0,
  score: 1,
  lang: 'es',
  tenant_id: 't',
  session_id: 'x',
  source_url: 'https://example.org/v',
  speaker: 'Sr. Ruiz',
};

describe('withPredText', () => {
  it('adds pred_text = asr_text right after asr_text and keeps every other field and its order', () => {
    const out = withPredText(line);
    expect(out.pred_text).toBe('buenas tardes');
    const keys = Object.keys(line);
    expect(Object.keys(out)).toEqual([...keys.slice(0, 6), 'pred_text', ...keys.slice(6)]);
    expect({ ...out, pred_text: undefined }).toEqual({ ...line, pred_text: undefined });
  });

  it.each([
    ['a stale pred_text', { ...line, pred_text: 'old' }],
    ['a rejected line', { ...line, reason: 'cer_above_max' }],
  ])('sets pred_text from asr_text on %s', (_name, input) => {
    const out = withPredText(input as ManifestLine);
    expect(out.pred_text).toBe('buenas tardes');
    expect(Object.keys(out).filter((k) => k === 'pred_text')).toHaveLength(1);
    expect(out).toMatchObject('reason' in input ? { reason: 'cer_above_max' } : {});
  });

  it('does not change its input', () => {
    const input = { ...line };
    withPredText(input);
    expect(input).toEqual(line);
  });
});
