import type { PlatformName } from '../core/commands/command-data.js';
import type { ReplyDocument } from '../core/render/document.js';

/** A chat platform as the application drives it: serve commands, and post to a channel (digests). */
export interface ChatPlatform {
  readonly name: PlatformName;
  start(): Promise<void>;
  /** Stop taking new commands; resolves when the connection is closed. */
  stop(): Promise<void>;
  /** True while connected and serving. */
  isReady(): boolean;
  /** Posts a document to a channel, as one or several messages within the platform's limits. */
  post(channelId: string, doc: ReplyDocument): Promise<void>;
}
