import type { PlatformName } from '../core/commands/command-data.js';

/** Who ran a command. `isModerator` is decided by the platform adapter from its own rules. */
export interface Actor {
  platform: PlatformName;
  userId: string;
  userName: string;
  isModerator: boolean;
}

export interface ChannelRef {
  platform: PlatformName;
  id: string;
  /**
   * The server or workspace the command came from, and so the one whose digests it may see and
   * change: a Discord guild id (`dm:<user id>` outside a server), a Slack team id, `shell`. A
   * channel named in a command is taken to be of this scope; adapters that can be handed another
   * scope's channel refuse it first (options with `namesChannel`).
   */
  scope: string;
  /**
   * Named in the command (a mention or an id) rather than the channel it was run in: only the
   * adapter's check (Discord's `namesChannel`), not the platform, says it is of `scope`.
   */
  named?: boolean;
  name?: string;
}
