import type { Logger } from '../../ports/logger.js';

/** The one Web API call moderation needs; Bolt's `client.users.info` satisfies it. */
export type UsersInfo = (args: { user: string }) => Promise<{ ok?: boolean; user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } }>;

export interface ModeratorOptions {
  /** Users who moderate whatever their workspace role (SLACK_MODERATOR_IDS). */
  listed: readonly string[];
  usersInfo: UsersInfo;
  logger: Logger;
  /** How long a looked-up role is trusted. */
  ttlMs?: number;
  /** How long a failed look-up stands (short, so a moderator is not refused for long after a Slack hiccup). */
  failureTtlMs?: number;
  now?: () => number;
}

const DEFAULT_TTL_MS = 5 * 60_000;
const DEFAULT_FAILURE_TTL_MS = 30_000;
const MAX_CACHED = 5000;

interface Known {
  moderator: boolean;
  until: number;
}

/**
 * Decides Actor.isModerator for Slack: workspace admins and owners (from `users.info`), or a
 * listed user. Roles are cached for a few minutes so every command does not cost an API call;
 * when Slack cannot be asked, the answer is "no" (a refusal is safer than an unchecked change),
 * and that answer is kept for a short while too: without it, a Slack outage or an unknown user
 * would cost a failing API call and a warning on every command.
 */
export class SlackModerators {
  private readonly cache = new Map<string, Known>();
  /** Look-ups on their way, so a burst of commands from one user asks Slack once. */
  private readonly asking = new Map<string, Promise<boolean>>();
  private readonly listed: ReadonlySet<string>;

  constructor(private readonly options: ModeratorOptions) {
    this.listed = new Set(options.listed);
  }

  async isModerator(userId: string): Promise<boolean> {
    if (this.listed.has(userId)) return true;
    const hit = this.cache.get(userId);
    if (hit && this.now() < hit.until) return hit.moderator;
    let asking = this.asking.get(userId);
    if (!asking) {
      asking = this.lookUp(userId).finally(() => this.asking.delete(userId));
      this.asking.set(userId, asking);
    }
    return asking;
  }

  private async lookUp(userId: string): Promise<boolean> {
    try {
      const res = await this.options.usersInfo({ user: userId });
      const u = res.user;
      const moderator = res.ok === true && !!(u?.is_admin || u?.is_owner || u?.is_primary_owner);
      this.remember(userId, moderator, this.options.ttlMs ?? DEFAULT_TTL_MS);
      return moderator;
    } catch (err) {
      // Logged when the failure is cached, so once per user for as long as it stands.
      this.options.logger.warn({ err, user: userId }, 'users.info failed; treating the user as not a moderator');
      this.remember(userId, false, this.options.failureTtlMs ?? DEFAULT_FAILURE_TTL_MS);
      return false;
    }
  }

  private remember(userId: string, moderator: boolean, ttlMs: number): void {
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(userId, { moderator, until: this.now() + ttlMs });
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
