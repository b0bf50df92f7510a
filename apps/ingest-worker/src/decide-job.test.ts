import { describe, expect, it } from 'vitest';
import type { SessionOutcome, SessionSpec } from '@astra/mining';
import { formatFailure } from '@astra/mining';
import { decideJob, type AbortCause, type JobDecision } from './decide-job';

const session: SessionSpec = {
  line: 2,
  tenantId: 't1',
  id: '2f1c6f8e-4b7a-5c3d-9e2f-1a2b3c4d5e6f',
  videoUrl: 'https://example.org/v.webm',
  language: 'es',
  provider: 'deepgram',
  metadata: {},
};

function failed(stage: 'acta' | 'download' | 'transcribe' | 'align', code: string, retryable: boolean): SessionOutcome {
  return {
    status: 'failed',
    session,
    failure: { stage, code, retryable, message: 'it broke' },
    error: new Error('it broke'),
  };
}

describe('decideJob', () => {
  it('completes an ok outcome', () => {
    const ok: SessionOutcome = {
      status: 'ok',
      session,
      audioSec: 60,
      keptSec: 30,
      kept: 3,
      rejected: 1,
      ran: ['download'],
    };
    expect(decideJob(ok)).toEqual({ kind: 'complete' });
    expect(decideJob(ok, 'shutdown')).toEqual({ kind: 'complete' });
  });

  it.each<[string, SessionOutcome, AbortCause | undefined, JobDecision['kind']]>([
    ['404 video is permanent', failed('download', 'not_found', false), undefined, 'fail'],
    ['invalid DOCX is permanent', failed('acta', 'invalid_docx', false), undefined, 'fail'],
    ['unsafe URL is permanent', failed('download', 'invalid_url', false), undefined, 'fail'],
    ['host not allowed is permanent', failed('download', 'host_not_allowed', false), undefined, 'fail'],
    ['unknown error without retryable is permanent', failed('align', 'internal_error', false), undefined, 'fail'],
    ['network error is retried', failed('download', 'unavailable', true), undefined, 'retry'],
    ['astra-core 5xx is retried', failed('transcribe', 'server_error', true), undefined, 'retry'],
    ['stalled download is retried', failed('download', 'stalled', true), undefined, 'retry'],
    ['429 from the source pauses the fleet', failed('download', 'rate_limited', true), undefined, 'pause-source'],
    ['bot check pauses the fleet', failed('download', 'bot_check', true), undefined, 'pause-source'],
    ['abort at shutdown releases the job', failed('download', 'aborted', true), 'shutdown', 'release'],
    ['abort at shutdown wins over a permanent code', failed('download', 'not_found', false), 'shutdown', 'release'],
    ['job time limit is retried', failed('transcribe', 'aborted', true), 'timeout', 'retry'],
    ['cancellation (lock lost) is retried', failed('download', 'aborted', true), 'cancelled', 'retry'],
  ])('%s', (_name, outcome, abortCause, kind) => {
    expect(decideJob(outcome, abortCause).kind).toBe(kind);
  });

  it('keeps the failure as fields and formats it only on demand', () => {
    const outcome = failed('download', 'not_found', false);
    const decision = decideJob(outcome);
    expect(decision).toEqual({
      kind: 'fail',
      failure: { stage: 'download', code: 'not_found', retryable: false, message: 'it broke' },
    });
    expect(decision.kind !== 'complete' && formatFailure(decision.failure)).toBe('[download/not_found] it broke');
  });

  it.each<[AbortCause, string, JobDecision['kind']]>([
    ['shutdown', 'released', 'release'],
    ['timeout', 'timeout', 'retry'],
    ['cancelled', 'cancelled', 'retry'],
  ])('an abort by %s says so in the code (%s)', (cause, code, kind) => {
    const decision = decideJob(failed('transcribe', 'aborted', true), cause);
    expect(decision.kind).toBe(kind);
    expect(decision.kind !== 'complete' && decision.failure).toMatchObject({
      stage: 'transcribe',
      code,
      retryable: true,
    });
  });
});
