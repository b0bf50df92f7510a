import { classifyToolFailure, type ToolName } from './classify-tool-failure';
import { DownloadError } from './errors';
import type { RunToolResult } from './run-tool';

/**
 * The error for a tool that exited non-zero: `<tool> could not <action>: <reason> (<detail>)`, with
 * code and retryability from `classifyToolFailure`. `action` must already be redacted
 * (`download ${redactUrl(url)}`).
 */
export function toolFailureError(tool: ToolName, result: RunToolResult, action: string): DownloadError {
  const failure = classifyToolFailure(tool, result.stderrTail);
  return new DownloadError(
    failure.code,
    `${tool} could not ${action}: ${failure.reason}${failure.detail ? ` (${failure.detail})` : ''}`,
    {
      retryable: failure.retryable,
      command: result.command,
      exitCode: result.exitCode,
      stderrTail: result.stderrTail,
    },
  );
}

/**
 * The error for a tool that exited 0 without what it should have produced (a JSON line it should
 * have printed, a file it should have written): `tool_failed`, not retryable.
 */
export function missingOutputError(result: RunToolResult, message: string): DownloadError {
  return new DownloadError('tool_failed', message, {
    retryable: false,
    command: result.command,
    stderrTail: result.stderrTail,
  });
}
