import { describe, expect, it } from 'vitest';
import { StorageError } from './errors';
import { isSessionId } from '@astra/contracts';
import { sessionKeys, tenantPrefix } from './session-keys';

const ID = '0b7f3c52-9d43-5a51-8a3e-2f5f6e0c1d2a';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return (error as StorageError).code;
  }
}

describe('sessionKeys', () => {
  it('lays out the objects of a session as architecture §3 says', () => {
    expect(sessionKeys('ayto-madrid', ID)).toEqual({
      audio: `mining/ayto-madrid/${ID}.wav`,
      acta: `mining/ayto-madrid/${ID}.acta.docx`,
      actaPdf: `mining/ayto-madrid/${ID}.acta.pdf`,
      source: `mining/ayto-madrid/${ID}.source.json`,
      transcript: `mining/ayto-madrid/${ID}.transcript.json`,
      actaJson: `mining/ayto-madrid/${ID}.acta.json`,
      segments: `mining/ayto-madrid/${ID}.segments.jsonl`,
    });
  });

  it('normalises an upper-case UUID so one session has one spelling', () => {
    expect(sessionKeys('t', ID.toUpperCase()).audio).toBe(`mining/t/${ID}.wav`);
  });

  it.each([
    '',
    'not-a-uuid',
    `${ID}x`,
    ID.slice(1),
    `../${ID}`,
    `${ID}/x`,
    '0b7f3c529d435a518a3e2f5f6e0c1d2a',
    `{${ID}}`,
  ])('rejects the session id %j with invalid_key', (id) => {
    expect(isSessionId(id)).toBe(false);
    expect(codeOf(() => sessionKeys('t', id))).toBe('invalid_key');
  });

  it.each(['A', '../x', 'a/b', ''])('rejects the tenant %j with invalid_tenant', (tenant) => {
    expect(codeOf(() => sessionKeys(tenant, ID))).toBe('invalid_tenant');
    expect(codeOf(() => tenantPrefix(tenant))).toBe('invalid_tenant');
  });

  it('gives the tenant folder as a list prefix', () => {
    expect(tenantPrefix('t')).toBe('mining/t/');
  });
});
