import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Discord's application public key (64 hex digits) as a node:crypto key. */
export function discordPublicKey(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('a Discord public key is 32 bytes (64 hex digits)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/**
 * Checks Discord's request signature: Ed25519 over the timestamp header followed by the raw body.
 * False for anything malformed; never rejects. The check runs in libuv's thread pool, not on the
 * event loop: it is about a quarter of the CPU a briefing card costs, and the main thread is what
 * limits how many commands one process answers.
 */
export function verifyDiscordRequest(key: KeyObject, signatureHex: string | undefined, timestamp: string | undefined, rawBody: Buffer): Promise<boolean> {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex)) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), key, Buffer.from(signatureHex, 'hex'), (error, ok) => resolve(!error && ok));
    } catch {
      resolve(false);
    }
  });
}
