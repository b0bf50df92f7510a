import pLimit from 'p-limit';
import type { MediaCheck } from './check-media-url';

export type CheckMediaUrlsOptions = {
  concurrency: number;
  /** After this, running checks are stopped and the remaining URLs are reported as not checked. */
  budgetMs: number;
};

/**
 * Checks each distinct URL once, at most `concurrency` at a time, within an overall time budget: a CSV of 10⁵
 * rows must not keep a dry run busy for hours, and what was not checked is said, not passed off as fine.
 */
export async function checkMediaUrls(
  urls: Iterable<string>,
  check: (url: string, signal: AbortSignal) => Promise<MediaCheck>,
  options: CheckMediaUrlsOptions,
): Promise<Map<string, MediaCheck>> {
  const budget = new AbortController();
  const timer = setTimeout(
    () =>
      budget.abort(new Error(`the dry run's ${Math.round(options.budgetMs / 1000)} s budget for URL checks ran out`)),
    options.budgetMs,
  );
  const limit = pLimit(options.concurrency);
  const distinct = [...new Set(urls)];
  try {
    const results = await Promise.all(
      distinct.map((url) =>
        limit(async (): Promise<MediaCheck> => {
          if (budget.signal.aborted) return { status: 'not_checked', reason: (budget.signal.reason as Error).message };
          return check(url, budget.signal);
        }),
      ),
    );
    return new Map(distinct.map((url, i) => [url, results[i] ?? { status: 'not_checked', reason: 'not run' }]));
  } finally {
    clearTimeout(timer);
  }
}
