import type { Args, CommandData } from '../core/commands/command-data.js';
import type { Actor, ChannelRef } from './actor.js';
import type { ReplyDocument } from '../core/render/document.js';
export type { Actor, ChannelRef } from './actor.js';
import type { Clock } from './clock.js';
import type { DigestPort } from './digests.js';
import type { BriefingLibrary } from './library.js';
import type { Logger } from './logger.js';
import type { ModerationPort } from './moderation.js';


/** A file someone attached to a command (Discord attachment, shell path). */
export interface Attachment {
  name: string;
  content: Uint8Array;
}

/**
 * Everything a command may use. Optional services are absent where the deployment lacks them
 * (no store configured, digests disabled); commands say so politely.
 */
export interface CommandContext {
  actor: Actor;
  channel: ChannelRef;
  library: BriefingLibrary;
  clock: Clock;
  logger: Logger;
  /** The commands this platform serves, for /help. */
  commands: readonly CommandData[];
  attachments: readonly Attachment[];
  services: Services;
}

/** Optional services; each feature adds its port here and the composition root provides it. */
export interface Services {
  moderation?: ModerationPort;
  digests?: DigestPort;
}

export interface Command {
  data: CommandData;
  execute(ctx: CommandContext, args: Args): Promise<ReplyDocument>;
}
