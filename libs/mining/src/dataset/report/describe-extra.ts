const MAX_NOTE_CHARS = 300;

/**
 * One line for an extra field of a stored transcript: scalars as they are, a flat object as its non-zero,
 * non-empty entries (`transcript repairs: overlaps 3, inversions 1`), an array as its length.
 */
export function describeExtra(label: string, value: unknown): string | undefined {
  let text: string | undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    text = `${label}: ${String(value)}`;
  } else if (Array.isArray(value)) {
    text = `${label}: ${value.length} entries`;
  } else if (isRecord(value)) {
    const entries = Object.entries(value).filter(
      ([, v]) => (typeof v === 'number' && v !== 0) || (typeof v === 'string' && v !== '') || v === true,
    );
    if (entries.length > 0) text = `${label}: ${entries.map(([k, v]) => `${k} ${String(v)}`).join(', ')}`;
  }
  return text === undefined || text.length <= MAX_NOTE_CHARS ? text : `${text.slice(0, MAX_NOTE_CHARS - 1)}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
