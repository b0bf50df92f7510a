import http from 'node:http';
import https from 'node:https';
import { redactText, redactUrl, youtubeVideoId } from '@astra/contracts';
import { validateMediaUrl } from '@astra/downloader';
import { execa } from 'execa';
import { assertHostAllowed, policyLookup } from './egress-lookup';

/** What the dry run learned about one media URL. */
export type MediaCheck =
  | { status: 'ok'; via: 'head' | 'range' | 'yt-dlp' }
  | { status: 'failed'; reason: string }
  | { status: 'not_checked'; reason: string };

export type MediaProbe = {
  /** Checks one URL; never throws (a problem is a `failed` result). */
  check(url: string, signal: AbortSignal): Promise<MediaCheck>;
  close(): void;
};

export type MediaProbeOptions = {
  allowedHosts: readonly string[];
  allowPrivateNetwork: boolean;
  ytDlpPath?: string;
  /** Longest wait for one HTTP answer (each redirect hop included). */
  requestTimeoutMs: number;
  /** Longest `yt-dlp --simulate` run. */
  ytDlpTimeoutMs: number;
  /** Runs the yt-dlp call under a concurrency limit of its own (a Python process each). */
  limitYtDlp: <T>(task: () => Promise<T>) => Promise<T>;
};

const MAX_REDIRECTS = 5;
/** Answers that are media themselves: a HEAD or ranged GET proves the URL without yt-dlp. */
const MEDIA_TYPE = /^(audio|video)\/|^application\/(octet-stream|ogg|vnd\.apple\.mpegurl|x-mpegurl|dash\+xml)\b/i;

/**
 * Checks media URLs without downloading them: a HEAD (a ranged GET of one byte when HEAD is refused: signed
 * URLs are often signed for GET only) for direct links; a page (or YouTube) is handed to `yt-dlp --simulate`,
 * which finds the media in it without fetching it. Every hop is checked against the allowed hosts and, on the
 * address actually connected to, against the private-network rule.
 */
export function createMediaProbe(options: MediaProbeOptions): MediaProbe {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
  };
  const lookup = policyLookup(options.allowPrivateNetwork);

  const head = async (url: string, signal: AbortSignal, method: 'HEAD' | 'GET') => {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const parsed = validateMediaUrl(current, options.allowedHosts);
      assertHostAllowed(parsed.hostname, options.allowPrivateNetwork);
      const answer = await request(parsed, method, { agents, lookup, signal, timeoutMs: options.requestTimeoutMs });
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        current = new URL(answer.location, parsed).href;
        continue;
      }
      return answer;
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects`);
  };

  const simulate = (url: string, signal: AbortSignal): Promise<MediaCheck> =>
    options.limitYtDlp(async () => {
      if (signal.aborted) return notChecked(signal);
      const result = await execa(
        options.ytDlpPath ?? 'yt-dlp',
        [
          '--simulate',
          '--no-playlist',
          '--no-warnings',
          '--quiet',
          '--socket-timeout',
          String(Math.max(1, Math.ceil(options.requestTimeoutMs / 1000))),
          '-f',
          'bestaudio/best',
          '--',
          url,
        ],
        {
          reject: false,
          stdin: 'ignore',
          stdout: 'ignore',
          timeout: options.ytDlpTimeoutMs,
          cancelSignal: signal,
          forceKillAfterDelay: 2_000,
          maxBuffer: { stderr: 64 * 1024 },
        },
      );
      if (result.exitCode === 0) return { status: 'ok', via: 'yt-dlp' };
      if (result.isCanceled) return notChecked(signal);
      if (result.timedOut) {
        return { status: 'failed', reason: `yt-dlp found no media within ${seconds(options.ytDlpTimeoutMs)}` };
      }
      if (result.code === 'ENOENT')
        return { status: 'not_checked', reason: `yt-dlp is not installed (${result.command.split(' ')[0] ?? ''})` };
      const error = String(result.stderr ?? '')
        .split('\n')
        .find((line) => line.startsWith('ERROR:'));
      return {
        status: 'failed',
        reason: `yt-dlp finds no media: ${redactText((error ?? `exit code ${result.exitCode ?? '?'}`).replace(/^ERROR:\s*/, '')).slice(0, 300)}`,
      };
    });

  return {
    async check(url, signal) {
      try {
        if (youtubeVideoId(url)) return await simulate(url, signal);
        let answer = await head(url, signal, 'HEAD');
        let via: 'head' | 'range' = 'head';
        if ([403, 405, 501].includes(answer.status)) {
          answer = await head(url, signal, 'GET');
          via = 'range';
        }
        if (answer.status === 429) {
          return { status: 'not_checked', reason: 'HTTP 429: the server asked us to slow down' };
        }
        if (answer.status >= 400) return { status: 'failed', reason: `HTTP ${answer.status} from ${redactUrl(url)}` };
        if (answer.status >= 300) return { status: 'failed', reason: `HTTP ${answer.status} without a Location` };
        if (MEDIA_TYPE.test(answer.contentType)) return { status: 'ok', via };
        // A web page (or an unknown type): whether it holds media is yt-dlp's call.
        return await simulate(url, signal);
      } catch (error) {
        if (signal.aborted) return notChecked(signal);
        return { status: 'failed', reason: describeRequestError(error, options.requestTimeoutMs) };
      }
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

type Answer = { status: number; contentType: string; location: string | undefined };

/** One request; resolves on the response headers and drops the body (a HEAD has none, a ranged GET one byte). */
function request(
  url: URL,
  method: 'HEAD' | 'GET',
  options: {
    agents: Record<'http:' | 'https:', http.Agent>;
    lookup: ReturnType<typeof policyLookup>;
    signal: AbortSignal;
    timeoutMs: number;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
    const send = protocol === 'https:' ? https.request : http.request;
    const req = send(
      url,
      {
        method,
        agent: options.agents[protocol],
        lookup: options.lookup,
        signal: options.signal,
        timeout: options.timeoutMs,
        headers: {
          'user-agent': 'astra-ingest (dry run)',
          accept: '*/*',
          ...(method === 'GET' ? { range: 'bytes=0-0' } : {}),
        },
      },
      (res) => {
        const location = res.headers.location;
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', location });
        if (method === 'HEAD') res.resume();
        else res.destroy();
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

function describeRequestError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { code?: string };
  if (err.code === 'ETIMEDOUT') return `no answer within ${seconds(timeoutMs)}`;
  if (err.name === 'DownloadError' || err.name === 'PrivateAddressError') return err.message;
  const reason = redactText(err.message).slice(0, 200);
  return `not reachable: ${err.code && !reason.includes(err.code) ? `${err.code} ` : ''}${reason}`;
}

function notChecked(signal: AbortSignal): MediaCheck {
  const reason = signal.reason instanceof Error ? signal.reason.message : 'stopped';
  return { status: 'not_checked', reason };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
