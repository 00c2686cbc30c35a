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
  now?: () => number;
}

const DEFAULT_TTL_MS = 5 * 60_000;
const MAX_CACHED = 5000;

/**
 * Decides Actor.isModerator for Slack: workspace admins and owners (from `users.info`), or a
 * listed user. Roles are cached for a few minutes so every command does not cost an API call;
 * when Slack cannot be asked, the answer is "no" (a refusal is safer than an unchecked change).
 */
export class SlackModerators {
  private readonly cache = new Map<string, { moderator: boolean; at: number }>();

  constructor(private readonly options: ModeratorOptions) {}

  async isModerator(userId: string): Promise<boolean> {
    if (this.options.listed.includes(userId)) return true;
    const now = this.options.now?.() ?? Date.now();
    const hit = this.cache.get(userId);
    if (hit && now - hit.at < (this.options.ttlMs ?? DEFAULT_TTL_MS)) return hit.moderator;
    try {
      const res = await this.options.usersInfo({ user: userId });
      const u = res.user;
      const moderator = res.ok === true && !!(u?.is_admin || u?.is_owner || u?.is_primary_owner);
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(userId, { moderator, at: now });
      return moderator;
    } catch (err) {
      this.options.logger.warn({ err, user: userId }, 'users.info failed; treating the user as not a moderator');
      return false;
    }
  }
}
