import type { ReplyDocument } from '../core/render/document.js';

/**
 * Errors a {@link ChatPlatform}'s `post()` throws so the digest delivery queue can tell "wait and
 * retry", "retry later" and "stop trying" apart without knowing any platform's API.
 *
 * For adapter authors (Discord, Slack): map your API's failures like this, and let every other
 * error through unchanged (the queue records it as a failure and does not retry it):
 *
 * | Platform answer                                                   | Throw                                   |
 * |-------------------------------------------------------------------|-----------------------------------------|
 * | Discord 429 (any scope), `retry_after` / `Retry-After` header      | `RateLimitedError({ retryAfterMs, scope })` — `scope: 'global'` when the body says `global: true` or `X-RateLimit-Global` is set, else `'channel'` |
 * | Slack `ratelimited` / HTTP 429 with `Retry-After` (seconds)        | `RateLimitedError({ retryAfterMs, scope: 'channel' })` |
 * | Discord 10003 Unknown Channel, 50001 Missing Access, 404 on the channel | `ChannelGoneError`                 |
 * | Slack `channel_not_found`, `is_archived`, `not_in_channel`, `channel_is_archived` | `ChannelGoneError`         |
 * | HTTP 5xx, 408, connection reset, timeout; Slack `internal_error`, `fatal_error`, `request_timeout`, `service_unavailable` | `TransientDeliveryError` |
 * | Any other answer of the platform's API (Discord 400 Invalid Form Body, Slack `invalid_auth`, `msg_too_long`) | `RefusedPostError` |
 *
 * The messages of these errors are shown in `/digest status` and `/digest send-now`: write them for
 * the server's members (what the platform said, never an address or a stack). Any other error is
 * shown only as "an unexpected error", and logged.
 *
 * When discord.js or the Slack WebClient retries rate limits by itself, either turn that off for
 * `post()` or let it be: the queue only sees what reaches it. Always pass the original error as
 * `cause` so the log keeps it.
 */

export type DeliveryErrorCode = 'CHANNEL_GONE' | 'RATE_LIMITED' | 'TRANSIENT_DELIVERY' | 'REFUSED_POST';

abstract class DeliveryError extends Error {
  abstract readonly code: DeliveryErrorCode;
}

/** The channel no longer exists or the bot lost access: the subscription is paused, never retried. */
export class ChannelGoneError extends DeliveryError {
  override readonly name = 'ChannelGoneError';
  readonly code = 'CHANNEL_GONE' as const;
  constructor(
    readonly channelId: string,
    /** What the platform said, for /digest status ("Unknown Channel (10003)"). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`channel ${channelId} is gone: ${reason}`, options);
  }
}

/** The platform asked us to slow down; the same post may be retried after `retryAfterMs`. */
export class RateLimitedError extends DeliveryError {
  override readonly name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED' as const;
  readonly retryAfterMs: number;
  /** 'global': every post on this platform waits; 'channel': only posts to this channel wait. */
  readonly scope: 'global' | 'channel';
  constructor(init: { retryAfterMs: number; scope?: 'global' | 'channel'; cause?: unknown }) {
    super(`rate limited for ${Math.round(init.retryAfterMs)} ms (${init.scope ?? 'channel'})`, { cause: init.cause });
    this.retryAfterMs = Math.max(0, init.retryAfterMs);
    this.scope = init.scope ?? 'channel';
  }
}

/** A failure that may pass: 5xx, timeout, reset connection. Retried with backoff a few times. */
export class TransientDeliveryError extends DeliveryError {
  override readonly name = 'TransientDeliveryError';
  readonly code = 'TRANSIENT_DELIVERY' as const;
  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
  }
  readonly status: number | undefined;
}

/** The platform answered and refused the post for a reason of its own: recorded as failed, not retried. */
export class RefusedPostError extends DeliveryError {
  override readonly name = 'RefusedPostError';
  readonly code = 'REFUSED_POST' as const;
  constructor(
    /** What the platform said, for /digest status ("Slack answered invalid_auth"). */
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDeliveryError(e: unknown): e is ChannelGoneError | RateLimitedError | TransientDeliveryError | RefusedPostError {
  return e instanceof ChannelGoneError || e instanceof RateLimitedError || e instanceof TransientDeliveryError || e instanceof RefusedPostError;
}

/**
 * How long the digest queue waits for one post before it abandons it and retries it as a transient failure. A platform
 * must be done with a post by then, its own retries included: a post still running after the queue gave up on it could
 * be shown beside its retry.
 */
export const POST_TIMEOUT_MS = 15_000;

/**
 * A platform that can make a post idempotent (Discord: `nonce` with `enforce_nonce: true`), so
 * a post retried after a crash between "sent" and "recorded" is not shown twice. Optional: the
 * queue uses it when the platform has it.
 */
export interface IdempotentPost {
  postOnce(channelId: string, doc: ReplyDocument, key: string): Promise<void>;
}
