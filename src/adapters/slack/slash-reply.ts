import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';
import type { Logger } from '../../ports/logger.js';
import type { RespondMessage } from './slack-messages.js';

/**
 * How long a slash command's answer may take and still go back as the body of Slack's
 * acknowledgement. Slack waits 3 seconds for that acknowledgement, counted from its side: the
 * other half is left for the request and the answer on the network and for a busy event loop
 * (the same margin as Discord's deferral).
 */
export const ANSWER_IN_ACK_WITHIN_MS = 1500;

/**
 * One slash command's answer, delivered exactly once. When it is ready within `withinMs` it is
 * the body of the HTTP acknowledgement itself, as Slack recommends: no second request, and the
 * user sees it a round trip sooner. Past that, the command is acknowledged empty (so that Slack
 * shows no timeout) and the answer is posted to the response_url when it is ready.
 */
export class SlashReply {
  private acked = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ack: AckFn<string | RespondArguments>,
    private readonly respond: RespondFn,
    withinMs: number,
    private readonly log: Logger,
  ) {
    this.timer = setTimeout(() => void this.acknowledge().catch((err: unknown) => this.log.warn({ err }, 'could not acknowledge a slash command')), withinMs);
  }

  /** Acknowledges now, empty, if not done yet; whatever is sent after goes to the response_url. */
  async acknowledge(): Promise<void> {
    clearTimeout(this.timer);
    if (this.acked) return;
    this.acked = true;
    await this.ack();
  }

  /** Sends the answer: in the acknowledgement while it is not sent yet, else to the response_url. */
  async send(message: RespondMessage): Promise<void> {
    clearTimeout(this.timer);
    if (this.acked) {
      await this.respond(message);
      return;
    }
    this.acked = true;
    try {
      await this.ack(ackBody(message));
    } catch (err) {
      // Too late for the acknowledgement (a process stalled past Slack's 3 seconds, when Bolt
      // answers the request itself): the response_url still takes the answer.
      this.log.warn({ err }, 'could not answer a slash command in its acknowledgement; answering on its response_url');
      await this.respond(message);
    }
  }
}

/**
 * A reply as the body of a slash command's acknowledgement: what it shows and to whom. The
 * response_url's fields about the message it answers (replace_original, delete_original) mean
 * nothing there, since a command answers no message.
 */
function ackBody(message: RespondMessage): RespondArguments {
  const { text, blocks } = message;
  return message.response_type ? { response_type: message.response_type, text, blocks } : { text, blocks };
}
