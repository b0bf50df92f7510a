/** A short, log-safe rendering of untrusted input for error messages (JSON-quoted, at most 80 characters). */
export function describeValue(value: unknown): string {
  if (typeof value !== 'string') return `(${typeof value})`;
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}
