import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../ports/logger.js';

/** Bolt's logger interface on top of ours, so Bolt's messages carry our redaction and format. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? (p.stack ?? p.message) : JSON.stringify(p))).join(' ');
  const log = logger.child({ lib: 'bolt' });
  return {
    debug: (...m) => log.debug({}, text(m)),
    info: (...m) => log.info({}, text(m)),
    warn: (...m) => log.warn({}, text(m)),
    error: (...m) => log.error({}, text(m)),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}
