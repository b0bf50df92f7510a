import { RETRYABLE_BY_CODE, type DownloadErrorCode } from './errors';
import { redactText } from '@astra/contracts';

export type ToolName = 'yt-dlp' | 'ffmpeg' | 'ffprobe';

export type ToolFailure = {
  code: DownloadErrorCode;
  retryable: boolean;
  /** What went wrong, in words (`the media was not found (HTTP 404)`). */
  reason: string;
  /** The tool's own error line, redacted and shortened (empty when there was none). */
  detail: string;
};

type Rule = { pattern: RegExp; code: DownloadErrorCode; reason: string; retryable?: boolean };

/** First match wins: specific site messages before generic HTTP codes before network errors. */
const YT_DLP_RULES: readonly Rule[] = [
  {
    pattern: /confirm you.?re not a (bot|robot)/i,
    code: 'bot_check',
    reason: 'the site asks to confirm this is not a bot',
  },
  {
    pattern: /HTTP Error 429|Too Many Requests/i,
    code: 'rate_limited',
    reason: 'the site is rate limiting (HTTP 429)',
  },
  {
    pattern: /confirm your age|age.restricted|inappropriate for some users/i,
    code: 'forbidden',
    reason: 'the media is age restricted',
    retryable: false,
  },
  {
    pattern: /members.only|Join this channel|requires payment|purchase this|premium members/i,
    code: 'forbidden',
    reason: 'the media is for paying members only',
    retryable: false,
  },
  {
    pattern: /not (made this video )?available in your country|geo.?restrict|blocked it in your country/i,
    code: 'forbidden',
    reason: 'the media is not available from this country',
    retryable: false,
  },
  {
    pattern: /HTTP Error 401/i,
    code: 'forbidden',
    reason: 'the site requires authentication (HTTP 401)',
    retryable: false,
  },
  { pattern: /HTTP Error 403|\b403\b.*Forbidden/i, code: 'forbidden', reason: 'the site refused access (HTTP 403)' },
  { pattern: /HTTP Error (404|410)/i, code: 'not_found', reason: 'the media was not found (HTTP 404/410)' },
  {
    pattern: /Private video|video is private/i,
    code: 'not_found',
    reason: 'the video is private',
  },
  {
    pattern:
      /Video unavailable|video (is|has been) (unavailable|removed|deleted)|no longer available|has been terminated|does not exist/i,
    code: 'not_found',
    reason: 'the video is unavailable',
  },
  { pattern: /file:\/\/ URLs are explicitly disabled/i, code: 'invalid_url', reason: 'file:// URLs are not accepted' },
  { pattern: /Unsupported URL/i, code: 'not_found', reason: 'no media was found at the URL (unsupported URL)' },
  {
    pattern:
      /live event will begin|Premieres in|is not currently live|live stream recording is not available|has not started/i,
    code: 'unavailable',
    reason: 'the live stream or premiere is not available yet',
  },
  { pattern: /max-filesize/i, code: 'too_large', reason: 'the media is larger than the size limit' },
  {
    pattern: /Requested format is not available|No video formats found|no audio/i,
    code: 'no_audio',
    reason: 'the source offers no audio format',
  },
  { pattern: /HTTP Error 5\d\d/i, code: 'unavailable', reason: 'the site had a server error (HTTP 5xx)' },
  {
    pattern: /timed out|Errno 110|ETIMEDOUT/i,
    code: 'timeout',
    reason: 'the connection timed out',
  },
  {
    pattern:
      /Errno (111|104|101|113|-2|-3|-5)|Connection (refused|reset|aborted)|Name or service not known|Temporary failure in name resolution|Network is unreachable|No route to host|Remote end closed|IncompleteRead|bytes read, \d+ more expected|Did not get any data blocks|EOF occurred in violation|SSL/i,
    code: 'tool_failed',
    reason: 'a network error interrupted the download',
    retryable: true,
  },
];

const FFMPEG_RULES: readonly Rule[] = [
  {
    pattern: /matches no streams|does not contain any stream|Output file #?\d* ?does not contain/i,
    code: 'no_audio',
    reason: 'the source has no audio stream',
  },
  { pattern: /No space left on device/i, code: 'tool_failed', reason: 'the disk is full', retryable: true },
  {
    pattern:
      /moov atom not found|Invalid data found|File ended prematurely|could not find codec parameters|Error while decoding|End of file|corrupt|Truncat|invalid (frame|header)|EBML header parsing failed/i,
    code: 'invalid_media',
    reason: 'the source media is corrupt or truncated',
  },
];

const DETAIL_MAX_CHARS = 300;

/** Maps a failed tool's stderr to an error code (pure; tested with a table of real stderr samples). */
export function classifyToolFailure(tool: ToolName, stderr: string): ToolFailure {
  const detail = pickDetailLine(tool, stderr);
  const rules = tool === 'yt-dlp' ? YT_DLP_RULES : FFMPEG_RULES;
  // Match the error lines first: warnings earlier in the output may mention unrelated HTTP errors.
  const haystacks = detail ? [detail, stderr] : [stderr];
  for (const haystack of haystacks) {
    for (const rule of rules) {
      if (rule.pattern.test(haystack)) {
        return {
          code: rule.code,
          retryable: rule.retryable ?? RETRYABLE_BY_CODE[rule.code],
          reason: rule.reason,
          detail,
        };
      }
    }
  }
  return tool === 'yt-dlp'
    ? { code: 'tool_failed', retryable: true, reason: 'yt-dlp failed', detail }
    : { code: 'tool_failed', retryable: false, reason: `${tool} failed`, detail };
}

function pickDetailLine(tool: ToolName, stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const errorLine = tool === 'yt-dlp' ? lines.filter((line) => line.startsWith('ERROR:')).at(-1) : lines.at(-1);
  if (!errorLine) return '';
  const clean = redactText(errorLine.replace(/^ERROR:\s*/, '').replace(/;\s*please report this issue.*$/i, ''));
  return clean.length > DETAIL_MAX_CHARS ? `${clean.slice(0, DETAIL_MAX_CHARS)}…` : clean;
}
