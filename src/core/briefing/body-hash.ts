import { createHash } from 'node:crypto';

// Zero-width characters and layout differences do not make a different story.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * A fingerprint of a briefing's text for duplicate detection: the same story pasted twice, with
 * different line breaks, spacing, case or Unicode composition, has the same hash.
 */
export function bodyHash(body: string): string {
  const normalised = body.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return `sha256:${createHash('sha256').update(normalised).digest('hex')}`;
}
