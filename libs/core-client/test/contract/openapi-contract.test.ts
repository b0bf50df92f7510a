import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  errorResponseSchema,
  transcriptionJobErrorSchema,
  transcriptionRequestSchema,
  transcriptionResponseSchema,
} from '../../src/api-model';
import { transcriptSchema, wordSchema } from '@astra/contracts';
import { deepgramPrerecordedSchema, whisperVerboseJsonSchema } from '../../src/provider-payloads';

type Json = { [key: string]: unknown };

const documentUrl = new URL('../../openapi/astra-core.openapi.yaml', import.meta.url);
const document = parse(await readFile(documentUrl, 'utf8')) as Json;
const components = (document['components'] as Json)['schemas'] as Record<string, Json>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(node: Json): Json {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/components/schemas/', '');
  const target = components[name];
  if (!target) throw new Error(`dangling $ref ${ref}`);
  return resolve(target);
}

const COMPARED_KEYWORDS = [
  'type',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'minimum',
  'maximum',
] as const;

/** Lists every disagreement between a zod-generated JSON Schema and an OpenAPI schema, by path. */
function compare(fromZod: Json, fromOpenApi: Json, path: string, out: string[]): void {
  const api = resolve(fromOpenApi);
  if (Object.keys(fromZod).length === 0) return; // z.unknown(): the OpenAPI side may say more (oneOf of shapes)
  for (const keyword of COMPARED_KEYWORDS) {
    let zodValue = fromZod[keyword];
    if ((keyword === 'minimum' || keyword === 'maximum') && Math.abs(Number(zodValue)) === Number.MAX_SAFE_INTEGER)
      zodValue = undefined;
    if (JSON.stringify(zodValue) !== JSON.stringify(api[keyword])) {
      out.push(
        `${path || '(root)'}: ${keyword} zod=${JSON.stringify(zodValue)} openapi=${JSON.stringify(api[keyword])}`,
      );
    }
  }
  const zodRequired = [...((fromZod['required'] as string[] | undefined) ?? [])].sort();
  const apiRequired = [...((api['required'] as string[] | undefined) ?? [])].sort();
  if (JSON.stringify(zodRequired) !== JSON.stringify(apiRequired)) {
    out.push(`${path || '(root)'}: required zod=${JSON.stringify(zodRequired)} openapi=${JSON.stringify(apiRequired)}`);
  }
  const zodProps = isObject(fromZod['properties']) ? fromZod['properties'] : {};
  const apiProps = isObject(api['properties']) ? api['properties'] : {};
  const names = new Set([...Object.keys(zodProps), ...Object.keys(apiProps)]);
  for (const name of names) {
    const a = zodProps[name];
    const b = apiProps[name];
    if (!isObject(a) || !isObject(b)) {
      out.push(`${path}.${name}: only in ${isObject(a) ? 'zod' : 'openapi'}`);
      continue;
    }
    compare(a, b, path ? `${path}.${name}` : name, out);
  }
  if (isObject(fromZod['items']) || isObject(api['items'])) {
    if (!isObject(fromZod['items']) || !isObject(api['items'])) out.push(`${path}[]: items only on one side`);
    else compare(fromZod['items'], api['items'], `${path}[]`, out);
  }
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with both operations', () => {
    expect(document['openapi']).toBe('3.1.0');
    const paths = document['paths'] as Json;
    expect(Object.keys(paths).sort()).toEqual(['/v1/transcriptions', '/v1/transcriptions/{id}']);
    const post = (paths['/v1/transcriptions'] as Json)['post'] as Json;
    expect(Object.keys(post['responses'] as Json)).toEqual(expect.arrayContaining(['200', '202', '400', '429', '503']));
  });

  it.each([
    ['TranscriptionRequest', transcriptionRequestSchema, 'input'],
    ['TranscriptionStatus', transcriptionResponseSchema, 'output'],
    ['TranscriptionJobError', transcriptionJobErrorSchema, 'output'],
    ['ErrorResponse', errorResponseSchema, 'output'],
    ['Transcript', transcriptSchema, 'output'],
    ['Word', wordSchema, 'output'],
    ['DeepgramPrerecordedResponse', deepgramPrerecordedSchema, 'input'],
    ['WhisperVerboseJson', whisperVerboseJsonSchema, 'input'],
  ] as const)('%s agrees with its zod schema', (name, schema, io) => {
    const component = components[name];
    expect(component, `components.schemas.${name}`).toBeDefined();
    const differences: string[] = [];
    compare(z.toJSONSchema(schema, { io }) as Json, component ?? {}, '', differences);
    expect(differences).toEqual([]);
  });

  it('offers every normalisable shape as a result', () => {
    const result = (components['TranscriptionStatus']?.['properties'] as Json)['result'] as Json;
    expect((result['oneOf'] as Json[]).map((entry) => entry['$ref'])).toEqual([
      '#/components/schemas/Transcript',
      '#/components/schemas/DeepgramPrerecordedResponse',
      '#/components/schemas/WhisperVerboseJson',
    ]);
  });

  it('the comparison catches a drift', () => {
    const drifted = structuredClone(components['Word'] ?? {});
    (drifted['required'] as string[]).pop();
    const differences: string[] = [];
    compare(z.toJSONSchema(wordSchema) as Json, drifted, '', differences);
    expect(differences).toEqual(['(root): required zod=["end","start","text"] openapi=["start","text"]']);
  });
});
