import { AlignError } from '../errors';

function assertFinite(value: unknown, path: string): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new AlignError('invalid_segment', `Cannot write a non-finite number at ${path} to JSONL.`, { path });
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) assertFinite(inner, `${path}.${key}`);
  }
}

/**
 * JSON Lines: one compact JSON object per line, keys in the order the objects were built (the manifest builders
 * build them in docs/architecture.md §6 order), `\n` after every line (so an empty list gives ''). Non-finite numbers throw
 * instead of silently becoming `null`.
 */
export function formatJsonl(lines: readonly object[]): string {
  let out = '';
  lines.forEach((line, index) => {
    assertFinite(line, `[${index}]`);
    out += `${JSON.stringify(line)}\n`;
  });
  return out;
}
