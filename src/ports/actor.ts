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
  name?: string;
}
