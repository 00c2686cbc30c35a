import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { pino, type DestinationStream } from 'pino';
import type pinoPretty from 'pino-pretty';
import type { Logger } from '../ports/logger.js';

export interface LoggerOptions {
  level: string;
  format: 'json' | 'pretty';
  /** Values that must never reach a log line, whatever field or message carries them. */
  secrets: readonly string[];
  output: Writable;
}

/** Field names whose values are secrets wherever they appear. */
const REDACT_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'signingSecret',
  '*.signingSecret',
  'password',
  '*.password',
  'req.headers.cookie',
];

/**
 * Replaces each secret with [redacted] in everything written, the last line of defence. A real
 * Writable, because pino-pretty pipes into its destination.
 */
export function scrubbingStream(output: Writable, secrets: readonly string[]): Writable & DestinationStream {
  const sorted = [...new Set(secrets)].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      let out = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      for (const s of sorted) if (out.includes(s)) out = out.split(s).join('[redacted]');
      output.write(out);
      done();
    },
  });
}

export function createLogger(options: LoggerOptions): Logger {
  const destination = scrubbingStream(options.output, options.secrets);
  // Required only for readable logs: JSON logs (servers, containers) start without it.
  const pretty = () => createRequire(import.meta.url)('pino-pretty') as typeof pinoPretty;
  const stream =
    options.format === 'pretty'
      ? pretty()({ destination, sync: true, colorize: false, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' })
      : destination;
  return pino({ level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'briefbot' } }, stream) as unknown as Logger;
}
