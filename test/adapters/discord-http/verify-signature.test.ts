import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { discordPublicKey, verifyDiscordRequest } from '../../../src/adapters/discord-http/verify-signature.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const rawHex = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex');
const key = discordPublicKey(rawHex);
const body = Buffer.from('{"type":1}');
const timestamp = '1700000000';
const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex');

describe('verifyDiscordRequest', () => {
  it('accepts Ed25519 over the timestamp followed by the raw body', async () => {
    await expect(verifyDiscordRequest(key, signature, timestamp, body)).resolves.toBe(true);
    await expect(verifyDiscordRequest(key, signature.toUpperCase(), timestamp, body)).resolves.toBe(true);
  });

  it('refuses another body, another timestamp, another key, and malformed or missing signatures', async () => {
    const other = generateKeyPairSync('ed25519');
    const otherKey = discordPublicKey((other.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex'));
    const cases: [string, Promise<boolean>][] = [
      ['body', verifyDiscordRequest(key, signature, timestamp, Buffer.from('{"type":2}'))],
      ['timestamp', verifyDiscordRequest(key, signature, '1700000001', body)],
      ['key', verifyDiscordRequest(otherKey, signature, timestamp, body)],
      ['short', verifyDiscordRequest(key, signature.slice(2), timestamp, body)],
      ['not hex', verifyDiscordRequest(key, `zz${signature.slice(2)}`, timestamp, body)],
      ['missing signature', verifyDiscordRequest(key, undefined, timestamp, body)],
      ['missing timestamp', verifyDiscordRequest(key, signature, undefined, body)],
    ];
    for (const [why, verdict] of cases) expect(await verdict, why).toBe(false);
  });

  it('is a 32-byte key or an error', () => {
    expect(() => discordPublicKey('abcd')).toThrow(/32 bytes/);
  });
});
