import type { z } from 'zod';

/** `words[3].start` style path of a zod issue (empty string for the root). */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line naming the bad fields: `words[3].start: Invalid input: expected number, received string`. */
export function formatZodError(error: z.ZodError, maxIssues = 3): string {
  const parts = error.issues.slice(0, maxIssues).map((issue) => {
    const where = formatIssuePath(issue.path);
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
  const more = error.issues.length > maxIssues ? ` (+${error.issues.length - maxIssues} more)` : '';
  return `${parts.join('; ')}${more}`;
}

/** The path of the first issue, for error objects. */
export function firstIssuePath(error: z.ZodError): string | undefined {
  const issue = error.issues[0];
  return issue ? formatIssuePath(issue.path) : undefined;
}
