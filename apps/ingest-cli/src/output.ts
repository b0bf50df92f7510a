import { pino, type Logger as PinoLogger } from 'pino';

export type Output = {
  json: boolean;
  logger: PinoLogger;
  /** The command's result: JSON on stdout with --json, else the human text. */
  result(value: unknown, human: () => string): void;
};

/** Logs always go to stderr (stdout carries only the result); credentials are redacted. */
export function createOutput(options: { json: boolean; level: string }): Output {
  const logger = pino(
    {
      level: options.level,
      base: undefined,
      redact: {
        paths: [
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'secretAccessKey',
          '*.secretAccessKey',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
  return {
    json: options.json,
    logger,
    result(value, human) {
      process.stdout.write(options.json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
    },
  };
}
