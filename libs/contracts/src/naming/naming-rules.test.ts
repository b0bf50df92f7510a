import { describe, expect, it } from 'vitest';
import { isSessionId, isTenantId, languageSchema, providerSchema, tenantIdSchema } from './naming-rules';

describe('tenant ids', () => {
  it.each(['a', '0', 'ayto-madrid', 'ayto_madrid', 'x'.repeat(63)])('accepts %j', (id) => {
    expect(isTenantId(id)).toBe(true);
    expect(tenantIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['', 'A', '../x', 'a/b', 'x'.repeat(64), 'logroño', '-a', 'a.b', 'a\n', 42])('rejects %j', (id) => {
    expect(isTenantId(id)).toBe(false);
    expect(tenantIdSchema.safeParse(id).success).toBe(false);
  });
});

describe('providers', () => {
  it.each(['deepgram', 'whisper', 'openai-whisper-1', 'aws.transcribe', 'x'.repeat(63)])('accepts %j', (name) => {
    expect(providerSchema.safeParse(name).success).toBe(true);
  });

  it.each(['', 'Deepgram', '-x', 'x'.repeat(64), 'a b', 'a/b'])('rejects %j', (name) => {
    expect(providerSchema.safeParse(name).success).toBe(false);
  });
});

describe('languages', () => {
  it.each(['es', 'es-ES', 'es-419', 'ca-valencia', 'ES', 'gl'])('accepts %j', (tag) => {
    expect(languageSchema.safeParse(tag).success).toBe(true);
  });

  it.each(['', 'e', 'spanish', 'es_ES', 'es-', 'es-toolongsubtag', '--help'])('rejects %j', (tag) => {
    expect(languageSchema.safeParse(tag).success).toBe(false);
  });
});

describe('session ids', () => {
  it('accepts UUIDs in either case and nothing else', () => {
    expect(isSessionId('276773cf-9a02-56b2-9acf-ff8db057e7dc')).toBe(true);
    expect(isSessionId('276773CF-9A02-56B2-9ACF-FF8DB057E7DC')).toBe(true);
    expect(isSessionId('276773cf-9a02-56b2-9acf-ff8db057e7d')).toBe(false);
    expect(isSessionId('../x')).toBe(false);
  });
});
