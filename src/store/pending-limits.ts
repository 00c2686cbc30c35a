import { randomBytes } from 'node:crypto';
import { BriefbotError } from '../core/errors.js';
import { PENDING_PER_OWNER, type PendingSubmission, pendingPayloadLimit } from '../ports/pending-submissions.js';
import { DEFAULT_MAX_BODY_BYTES } from '../core/briefing/parse-briefing.js';

export interface PendingStoreOptions {
  /** The largest payload accepted, in UTF-8 bytes (default: pendingPayloadLimit of the default BRIEFING_MAX_BYTES). */
  maxPayloadBytes?: number;
  /** How many submissions one owner may have waiting (default PENDING_PER_OWNER). */
  perOwner?: number;
}

/** A pending submission's id: 128 random bits, base64url (22 characters, safe in a custom_id). */
export function newPendingId(): string {
  return randomBytes(16).toString('base64url');
}

/** The size rules every pending store applies the same way. */
export class PendingLimits {
  readonly maxPayloadBytes: number;
  readonly perOwner: number;

  constructor(options: PendingStoreOptions = {}) {
    this.maxPayloadBytes = options.maxPayloadBytes ?? pendingPayloadLimit(DEFAULT_MAX_BODY_BYTES);
    this.perOwner = Math.max(1, options.perOwner ?? PENDING_PER_OWNER);
  }

  /** Refuses a payload over the limit (TOO_LARGE) or an item without an owner. */
  check(item: PendingSubmission): void {
    if (!item.owner) throw new Error('a pending submission needs an owner');
    const bytes = Buffer.byteLength(item.payload, 'utf8');
    if (bytes > this.maxPayloadBytes) {
      throw new BriefbotError('TOO_LARGE', `That submission is too large to keep for confirmation (${Math.ceil(bytes / 1024)} KB; the limit is ${Math.floor(this.maxPayloadBytes / 1024)} KB).`);
    }
  }
}
