import { describe, expect, it } from 'vitest';
import { resolveFetchCaptionsOptions } from './fetch-captions';

describe('resolveFetchCaptionsOptions', () => {
  it.each([[[]], [['es,en']], [['es en']], [['']], [['--exec']]])('rejects languages %j', (languages) => {
    expect(() => resolveFetchCaptionsOptions({ languages })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });

  it('accepts language keys and yt-dlp regexes', () => {
    expect(
      resolveFetchCaptionsOptions({ languages: ['es', 'es-419', 'es.*', 'en-orig', '-live_chat'] }).languages,
    ).toHaveLength(5);
  });
});
