import { BriefbotError } from '../errors.js';

/**
 * Whether a subscription may be seen and changed from `scope`: its own, or none recorded (made
 * before scopes were, and adopted by the first command about its channel from its server).
 */
export function belongsTo(subscription: { scope?: string | undefined }, scope: string): boolean {
  return subscription.scope === undefined || subscription.scope === scope;
}

/** The refusal for a command about a channel whose digest another server or workspace set up. */
export function otherScopeError(): BriefbotError {
  return new BriefbotError(
    'FORBIDDEN',
    "That channel's digest was set up from another server or workspace, so it can only be seen or changed from there. Nothing was changed.",
  );
}
