import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { loadConfig, secretsOf } from '../../src/config/config.js';
import { documentText } from '../../src/core/render/document.js';
import { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { Library } from '../../src/library/library.js';
import type { Command } from '../../src/ports/command.js';
import { fakeAnalysis, MemorySource } from '../fakes/memory-library.js';

const DISCORD_TOKEN = 'MTE5ODc2.discord-secret-token.abcdef123456';
const SLACK_TOKEN = 'xoxb-1111-2222-slack-secret-token';
const SLACK_SECRET = '8f2b0c6a1d-slack-signing-secret';
const DATABASE_URL = 'postgres://briefbot:db-password-42@db.internal:5432/briefbot';

function capture(format: 'json' | 'pretty') {
  let out = '';
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  const config = loadConfig({ DISCORD_TOKEN, DISCORD_APP_ID: '900000000000000001', SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SLACK_SECRET, DATABASE_URL });
  const logger = createLogger({ level: 'debug', format, secrets: secretsOf(config), output });
  return { logger, text: () => out };
}

const secrets = [DISCORD_TOKEN, SLACK_TOKEN, SLACK_SECRET, DATABASE_URL];

describe('secrets never reach the logs or the replies', () => {
  for (const format of ['json', 'pretty'] as const) {
    it(`GIVEN secrets in fields, nested headers, messages and error stacks THEN the ${format} log shows none of them`, () => {
      const { logger, text } = capture(format);
      logger.info({ token: DISCORD_TOKEN, client: { signingSecret: SLACK_SECRET }, req: { headers: { authorization: `Bearer ${SLACK_TOKEN}` } } }, 'connecting');
      logger.error({ err: new Error(`login failed for ${DISCORD_TOKEN} at ${DATABASE_URL}`) }, `could not start with ${SLACK_TOKEN}`);
      logger.child({ platform: 'slack' }).warn({ detail: `retrying with ${SLACK_SECRET}` }, 'retry');
      const out = text();
      expect(out).toContain('connecting');
      expect(out).toContain('login failed');
      for (const s of secrets) expect(out).not.toContain(s);
      expect(out).toContain('[redacted]');
    });
  }

  it('GIVEN a command that fails with a secret in its error THEN the reply is the polite one and the log is scrubbed', async () => {
    const { logger, text } = capture('json');
    const leaky: Command = {
      data: { name: 'leaky', description: 'Fails', options: [], permission: 'everyone' },
      execute: async () => {
        throw new Error(`upstream refused token ${DISCORD_TOKEN}`);
      },
    };
    const source = new MemorySource();
    const library = new Library({ source, analyze: () => fakeAnalysis(), cacheKey: (i) => i.text, logger });
    const dispatcher = new Dispatcher({ commands: new Map([['leaky', leaky]]), library, clock: { now: () => new Date() }, logger, services: {} });
    const reply = await dispatcher.runLine('/leaky', { actor: { platform: 'discord', userId: 'u', userName: 'ann', isModerator: false }, channel: { platform: 'discord', id: 'c', scope: '900000000000000003' } });
    expect(reply.tone).toBe('error');
    expect(documentText(reply)).toMatch(/something went wrong/);
    expect(documentText(reply)).not.toContain(DISCORD_TOKEN);
    expect(text()).toContain('command failed');
    expect(text()).not.toContain(DISCORD_TOKEN);
  });
});
