// Apart from run-dry-run.ts: the CLI's help shows these defaults without loading the checks.
export type DryRunOptions = {
  /** Longest wait for one URL's answer (`--check-timeout`). */
  requestTimeoutMs: number;
  urlConcurrency: number;
  ytDlpConcurrency: number;
  ytDlpTimeoutMs: number;
  /** All URL checks together (`--check-budget`): a dry run is a quick pre-flight, even for 10⁵ rows. */
  mediaBudgetMs: number;
};

export const DEFAULT_DRY_RUN_OPTIONS: DryRunOptions = {
  requestTimeoutMs: 15_000,
  urlConcurrency: 8,
  ytDlpConcurrency: 2,
  ytDlpTimeoutMs: 60_000,
  mediaBudgetMs: 120_000,
};
