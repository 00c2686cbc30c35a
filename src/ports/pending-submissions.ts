/**
 * A moderator's submission between the preview and Confirm (the add and edit forms of Discord
 * and Slack), kept where every replica sees it, so Confirm works on whichever replica the load
 * balancer picks, and after a restart.
 */
export interface PendingSubmission {
  /** Who made it, "<platform>:<user id>": only they may take it. */
  owner: string;
  /** What the adapter needs to finish the step, as text (JSON); at most the store's payload limit. */
  payload: string;
  /** After this instant it is as if it had never been kept. */
  expiresAt: Date;
}

/** What taking a submission found. */
export type PendingTake =
  | { status: 'taken'; payload: string }
  /** It exists and has not expired, but someone else made it: nothing was changed. */
  | { status: 'not-owner' }
  /** Unknown, expired, or already taken (a second Confirm). */
  | { status: 'missing' };

/** Pending submissions (memory for one process; SQLite or PostgreSQL for replicas). */
export interface PendingSubmissionStore {
  /**
   * Keeps a submission and returns its new id: random, 128 bits, URL-safe (22 characters), so it
   * can travel in a Discord custom_id or a Slack view and cannot be guessed. Fails with TOO_LARGE
   * when the payload is over the store's limit. An owner's oldest submissions beyond the
   * per-owner limit are dropped, and expired ones are swept.
   */
  put(item: PendingSubmission): Promise<string>;
  /**
   * Removes and returns the submission when `owner` made it and it has not expired. Atomic: of
   * any number of takes of one id, at once and on any replica, exactly one gets it. A take by
   * someone else leaves it in place.
   */
  take(id: string, owner: string): Promise<PendingTake>;
  /** Deletes every expired submission; returns how many. */
  sweep(): Promise<number>;
}

/** How many submissions one person may have waiting; the oldest go first. */
export const PENDING_PER_OWNER = 20;

/**
 * The largest payload a store accepts for a given BRIEFING_MAX_BYTES: an uploaded file (the body
 * limit plus 64 KB of front-matter) in base64, with room for the command and its arguments.
 */
export function pendingPayloadLimit(maxBriefingBytes: number): number {
  return 2 * maxBriefingBytes + 256 * 1024;
}
