import { CommanderError } from 'commander';
import { checkNodeSupport } from '@astra/mining/config';
import { buildProgram } from './program';

// An unsupported or end-of-life Node.js is worth one line on stderr, never a refusal (stdout stays the result's).
const nodeProblem = checkNodeSupport({ version: process.versions.node, now: new Date(), env: process.env });
if (nodeProblem) process.stderr.write(`astra-ingest: warning: ${nodeProblem.message}\n`);

try {
  await buildProgram(process.env).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; every other commander error is bad usage.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}
