import { BriefbotError } from '../errors.js';

/**
 * Whether the store may let `scope` change a subscription: its own, or none recorded (made before
 * scopes were; the service lets only a command run in its own channel claim it).
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

/** The refusal for a command naming, from elsewhere, a channel whose digest predates scopes. */
export function unclaimedError(): BriefbotError {
  return new BriefbotError(
    'FORBIDDEN',
    "That channel's digest was set up before briefbot recorded which server or workspace a digest belongs to. Run /digest status in that channel once; from then on it can be managed from anywhere in this server or workspace. Nothing was changed.",
  );
}
