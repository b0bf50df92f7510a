import type { Env } from './read-variable';

/**
 * The Node.js versions astra-ingest runs on: the `engines.node` of every package.json (a test keeps them equal).
 * The lower bounds are the toolchain's (vite 7 needs `^20.19 || >=22.12`, the first releases that `require()` ES
 * modules unflagged); 21 and 23 are odd lines long past their end of life.
 */
export const SUPPORTED_NODE_RANGE = '^20.19 || ^22.12 || >=24';

type ReleaseLine = {
  major: number;
  /** Outside SUPPORTED_NODE_RANGE altogether. */
  unsupported?: true;
  /** First minor of the line inside the range. */
  minMinor?: number;
  /** UTC dates from the Node.js release schedule: promotion to LTS (none for odd lines up to 25), end of life. */
  lts?: string;
  endOfLife: string;
};

/** Lines older than the first one here are unsupported; lines newer than the last are taken as supported. */
const RELEASE_LINES: readonly ReleaseLine[] = [
  { major: 20, minMinor: 19, lts: '2023-10-24', endOfLife: '2026-04-30' },
  { major: 21, unsupported: true, endOfLife: '2024-06-01' },
  { major: 22, minMinor: 12, lts: '2024-10-29', endOfLife: '2027-04-30' },
  { major: 23, unsupported: true, endOfLife: '2025-06-01' },
  { major: 24, lts: '2025-10-28', endOfLife: '2028-04-30' },
  { major: 25, endOfLife: '2026-06-01' },
  { major: 26, lts: '2026-10-28', endOfLife: '2029-04-30' },
  { major: 27, lts: '2027-10-20', endOfLife: '2030-04-30' },
];

export type NodeSupportProblem = {
  /** `unsupported`: outside {@link SUPPORTED_NODE_RANGE}; `end_of_life`: inside it, but no more security fixes. */
  status: 'unsupported' | 'end_of_life';
  /** The version checked, as `process.versions.node` gives it (`20.20.2`). */
  version: string;
  /** The day the line stopped getting fixes (`2026-04-30`), for `end_of_life`. */
  endOfLife?: string;
  /** One line for a person: what is wrong and which versions to use instead. */
  message: string;
};

export type CheckNodeSupportOptions = {
  /** `process.versions.node`. */
  version: string;
  /** Today, to compare with the end-of-life dates. */
  now: Date;
  /** The process environment: `NODE_NO_WARNINGS=1` silences this warning like Node's own warnings. */
  env?: Env;
};

/**
 * Says whether this process runs on a Node.js that astra-ingest supports and that still gets security fixes, for
 * the CLI and the worker to warn at start. They run anyway: a fleet should not stop over a warning. Returns
 * `undefined` when there is nothing to say.
 */
export function checkNodeSupport(options: CheckNodeSupportOptions): NodeSupportProblem | undefined {
  if (options.env?.['NODE_NO_WARNINGS'] === '1') return undefined;
  const { version, now } = options;
  const parsed = /^v?(\d+)\.(\d+)\.\d+/.exec(version);
  const major = Number(parsed?.[1]);
  const minor = Number(parsed?.[2]);
  const line = RELEASE_LINES.find((candidate) => candidate.major === major);
  const oldest = RELEASE_LINES[0]?.major ?? 0;
  const instead = `${advice(now)} (supported: ${SUPPORTED_NODE_RANGE})`;

  if (!parsed || major < oldest || line?.unsupported || minor < (line?.minMinor ?? 0)) {
    return {
      status: 'unsupported',
      version,
      message: `Node.js ${version} is not supported by astra-ingest: ${instead}`,
    };
  }
  if (line && !isBefore(now, line.endOfLife)) {
    return {
      status: 'end_of_life',
      version,
      endOfLife: line.endOfLife,
      message: `Node.js ${version} reached its end of life on ${line.endOfLife} and gets no security fixes: ${instead}`,
    };
  }
  return undefined;
}

/** "use Node.js 22, 24 or 26": the supported LTS lines that still get fixes on `now`. */
function advice(now: Date): string {
  const majors = RELEASE_LINES.filter(
    (line) => !line.unsupported && line.lts !== undefined && !isBefore(now, line.lts) && isBefore(now, line.endOfLife),
  ).map((line) => String(line.major));
  if (majors.length === 0) return 'use a maintained Node.js LTS release';
  const last = majors.pop();
  return `use Node.js ${majors.length > 0 ? `${majors.join(', ')} or ${last}` : last}`;
}

function isBefore(now: Date, day: string): boolean {
  return now.getTime() < Date.parse(`${day}T00:00:00Z`);
}
