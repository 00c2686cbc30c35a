import { createHash } from 'node:crypto';

/**
 * The key a command line too long for a Discord custom_id is kept under: the first 22 characters
 * (132 bits) of its SHA-256 in base64url. Content-addressed, so every replica computes the same
 * key for the same line and keeping it twice is keeping it once.
 */
export function buttonLineKey(line: string): string {
  return createHash('sha256').update(line).digest('base64url').slice(0, 22);
}
