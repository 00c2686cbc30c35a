/**
 * Expected failures are values with a stable code and a message written for the chat user.
 * Compare `code`, never the message.
 */
export type ErrorCode =
  | 'UNKNOWN_BRIEFING'
  | 'UNKNOWN_COMMAND'
  | 'BAD_ARGUMENTS'
  | 'INVALID_BRIEFING'
  | 'FORBIDDEN'
  | 'SLUG_TAKEN'
  | 'DUPLICATE_CONTENT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'BAD_TIME'
  | 'BAD_TIME_ZONE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export class BriefbotError extends Error {
  override readonly name = 'BriefbotError';
  constructor(
    readonly code: ErrorCode,
    /** Safe to show to the person who ran the command. */
    readonly userMessage: string,
    options?: { cause?: unknown; details?: readonly string[] },
  ) {
    super(userMessage, options?.cause === undefined ? undefined : { cause: options.cause });
    this.details = options?.details ?? [];
  }
  readonly details: readonly string[];
}

export function isBriefbotError(value: unknown): value is BriefbotError {
  return value instanceof BriefbotError;
}
