import { AlignError } from '../errors';

/**
 * Path of the first non-finite number in `value` (depth first, in key order), or undefined. Paths are built only
 * on the way into nested objects and to a hit: a flat manifest line costs no strings.
 */
function nonFinitePath(value: unknown, path: () => string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path();
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const inner = record[key];
    if (typeof inner === 'number') {
      if (!Number.isFinite(inner)) return `${path()}.${key}`;
    } else if (inner !== null && typeof inner === 'object') {
      const found = nonFinitePath(inner, () => `${path()}.${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * JSON Lines: one compact JSON object per line, keys in the order the objects were built (the manifest builders
 * build them in docs/architecture.md §6 order), `\n` after every line (so an empty list gives ''). Non-finite numbers throw
 * instead of silently becoming `null`.
 */
export function formatJsonl(lines: readonly object[]): string {
  let out = '';
  lines.forEach((line, index) => {
    const path = nonFinitePath(line, () => `[${index}]`);
    if (path !== undefined) {
      throw new AlignError('invalid_segment', `Cannot write a non-finite number at ${path} to JSONL.`, { path });
    }
    out += `${JSON.stringify(line)}\n`;
  });
  return out;
}
