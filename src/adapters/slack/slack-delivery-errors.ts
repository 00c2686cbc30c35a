import { ChannelGoneError, RateLimitedError, RefusedPostError, TransientDeliveryError } from '../../ports/delivery-errors.js';

const GONE = new Set(['channel_not_found', 'is_archived', 'not_in_channel', 'channel_is_archived']);
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable']);

interface WebApiErrorShape {
  code?: string;
  data?: { error?: string; response_metadata?: { retryAfter?: number } };
  retryAfter?: number;
  statusCode?: number;
}

/**
 * A Web API failure as the digest queue understands it (see ports/delivery-errors.ts): gone
 * channels stop, rate limits wait, outages retry later, any other answer of Slack's is a refusal.
 * Anything else passes through unchanged.
 * The WebClient's error `code`s are its stable contract; messages are never read.
 */
export function toDeliveryError(error: unknown, channelId: string): unknown {
  const e = (error ?? {}) as WebApiErrorShape;
  switch (e.code) {
    case 'slack_webapi_platform_error': {
      const reason = e.data?.error ?? 'unknown';
      if (GONE.has(reason)) return new ChannelGoneError(channelId, reason, { cause: error });
      if (TRANSIENT.has(reason)) return new TransientDeliveryError(`Slack answered ${reason}`, { cause: error });
      if (reason === 'ratelimited') return new RateLimitedError({ retryAfterMs: (e.data?.response_metadata?.retryAfter ?? 1) * 1000, scope: 'channel', cause: error });
      return new RefusedPostError(`Slack answered ${reason}`, { cause: error });
    }
    case 'slack_webapi_rate_limited_error':
      return new RateLimitedError({ retryAfterMs: (e.retryAfter ?? 1) * 1000, scope: 'channel', cause: error });
    case 'slack_webapi_http_error':
      return (e.statusCode ?? 0) >= 500 || e.statusCode === 408
        ? new TransientDeliveryError(`Slack answered HTTP ${e.statusCode}`, { cause: error, ...(e.statusCode !== undefined && { status: e.statusCode }) })
        : new RefusedPostError(`Slack answered HTTP ${e.statusCode ?? 'with an error'}`, { cause: error });
    case 'slack_webapi_request_error':
      return new TransientDeliveryError('Slack could not be reached', { cause: error });
    default:
      return error;
  }
}
