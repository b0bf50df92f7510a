import { describe, expect, it } from 'vitest';
import { AlignError } from '../errors';
import { formatJsonl } from './format-jsonl';
import {
  manifestLineSchema,
  rejectedLineSchema,
  type ManifestContext,
  type RejectedSegment,
  type Segment,
} from '../model';
import { toManifestLine, toRejectedLine } from './to-manifest-line';

const context: ManifestContext = {
  audioFilepath: 's3://astra-raw/mining/t/0b7f8a52-5d0e-5c47-9a55-0c1f7e3c1a11.wav',
  tenantId: 't',
  sessionId: '0b7f8a52-5d0e-5c47-9a55-0c1f7e3c1a11',
  sourceUrl: 'https://www.youtube.com/watch?v=abc',
  lang: 'es',
};

const segment: Segment = {
  offset: 812.4449,
  duration: 9.8712,
  text: 'Muchas gracias, señor alcalde.',
  textOriginal: '«Muchas gracias, señor alcalde.»',
  asrText: 'muchas gracias señor alcalde',
  cer: 0.03125,
  wer: 0.25,
  score: 0.96049,
  speaker: 'Sr. Ruiz Sánchez',
  agendaItem: 3,
  fragmentId: 'f12',
  wordRange: [100, 104],
};

describe('toManifestLine', () => {
  it('has exactly the docs/architecture.md §6 fields, in order, with times rounded to the millisecond', () => {
    const line = toManifestLine(segment, context);
    expect(Object.keys(line)).toEqual([
      'audio_filepath',
      'offset',
      'duration',
      'text',
      'text_original',
      'asr_text',
      'cer',
      'score',
      'lang',
      'tenant_id',
      'session_id',
      'source_url',
      'speaker',
      'agenda_item',
    ]);
    expect(line).toEqual({
      audio_filepath: context.audioFilepath,
      offset: 812.445,
      duration: 9.871,
      text: 'Muchas gracias, señor alcalde.',
      text_original: '«Muchas gracias, señor alcalde.»',
      asr_text: 'muchas gracias señor alcalde',
      cer: 0.031,
      score: 0.96,
      lang: 'es',
      tenant_id: 't',
      session_id: context.sessionId,
      source_url: context.sourceUrl,
      speaker: 'Sr. Ruiz Sánchez',
      agenda_item: 3,
    });
    expect(manifestLineSchema.parse(line)).toEqual(line);
  });

  it('leaves speaker and agenda_item out when unknown', () => {
    const { speaker: _speaker, agendaItem: _item, ...bare } = segment;
    const line = toManifestLine(bare, context);
    expect('speaker' in line).toBe(false);
    expect('agenda_item' in line).toBe(false);
  });

  it('rounds the end, not the duration, so consecutive segments never overlap after rounding', () => {
    const line = toManifestLine({ ...segment, offset: 1.0004, duration: 2.0004 }, context);
    expect(line.offset + line.duration).toBeCloseTo(3.001, 9);
  });

  it('adds the reason for rejected.jsonl', () => {
    const rejected: RejectedSegment = { ...segment, reason: 'cer_above_max' };
    const line = toRejectedLine(rejected, context);
    expect(rejectedLineSchema.parse(line).reason).toBe('cer_above_max');
    expect(Object.keys(line).at(-1)).toBe('reason');
  });

  it.each<[string, Partial<ManifestContext>]>([
    ['an empty audio path', { audioFilepath: '' }],
    ['an empty tenant', { tenantId: '' }],
    ['an empty language', { lang: '' }],
  ])('rejects %s', (_, patch) => {
    expect(() => toManifestLine(segment, { ...context, ...patch })).toThrowError(
      expect.objectContaining({ code: 'invalid_manifest_context' }) as AlignError,
    );
  });

  it('rejects a segment with bad times', () => {
    expect(() => toManifestLine({ ...segment, duration: 0 }, context)).toThrowError(
      expect.objectContaining({ code: 'invalid_segment' }) as AlignError,
    );
  });
});

describe('formatJsonl', () => {
  it('writes one compact JSON object per line, keys in order, with a trailing newline', () => {
    const lines = [toManifestLine(segment, context), toManifestLine({ ...segment, offset: 900 }, context)];
    const out = formatJsonl(lines);
    expect(out.endsWith('\n')).toBe(true);
    const rows = out.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.startsWith('{"audio_filepath":')).toBe(true);
    expect(rows.map((row) => manifestLineSchema.parse(JSON.parse(row)))).toEqual(lines);
  });

  it('escapes newlines inside labels so a line stays a line', () => {
    const out = formatJsonl([{ text: 'a\nb' }]);
    expect(out.split('\n')).toEqual(['{"text":"a\\nb"}', '']);
  });

  it('gives an empty string for no lines', () => {
    expect(formatJsonl([])).toBe('');
  });

  it('refuses non-finite numbers instead of writing null', () => {
    expect(() => formatJsonl([{ offset: Number.NaN }])).toThrowError(
      expect.objectContaining({ code: 'invalid_segment', path: '[0].offset' }) as AlignError,
    );
  });
});
