import { unknownBriefingMessage } from '../core/briefing/find-briefing.js';
import { type Args, type CommandOption, commandKey, type PlatformName } from '../core/commands/command-data.js';
import { parseCommandLine } from '../core/commands/parse-command-line.js';
import { BriefbotError, isBriefbotError } from '../core/errors.js';
import { type ReplyDocument, textReply } from '../core/render/document.js';
import type { Actor, Attachment, ChannelRef, Command, CommandContext, Services } from '../ports/command.js';
import type { Clock } from '../ports/clock.js';
import type { BriefingLibrary } from '../ports/library.js';
import type { Logger } from '../ports/logger.js';

export interface DispatcherDeps {
  commands: ReadonlyMap<string, Command>;
  library: BriefingLibrary;
  clock: Clock;
  logger: Logger;
  services: Services;
  /** Called once per command with its outcome, for metrics. */
  onOutcome?: (event: { command: string; outcome: 'ok' | 'refused' | 'error'; platform: PlatformName; ms: number }) => void;
  /** Decides whether this user may run another command now (per-user rate limit). */
  allow?: (actor: Actor) => boolean;
}

export interface Invocation {
  actor: Actor;
  channel: ChannelRef;
  attachments?: readonly Attachment[];
}

/**
 * The slugs closest to one that names no briefing (at most three, never the typed slug itself),
 * for "Did you mean ...?": the commands here, and the adapters' edit forms, which look a slug up
 * before any command runs.
 */
export async function nearSlugs(library: BriefingLibrary, typed: string): Promise<string[]> {
  return (await library.suggest(typed, 4))
    .map((e) => e.briefing.slug)
    .filter((slug) => slug !== typed)
    .slice(0, 3);
}

/**
 * The one place commands run: it parses or receives arguments, checks permission, executes, and
 * turns every failure into one reply: expected ones with their message, unexpected ones logged
 * once with their cause and answered politely and privately.
 */
export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /** The commands a platform serves. */
  commandsFor(platform: PlatformName): Command[] {
    return [...this.deps.commands.values()].filter((c) => !c.data.platforms || c.data.platforms.includes(platform));
  }

  /** Runs a command line as typed in the shell or Slack: "/briefing korea-japan quotes". */
  async runLine(line: string, invocation: Invocation): Promise<ReplyDocument> {
    // Metrics and logs name the command once the line is parsed; "unparsed" when it never was.
    let key = 'unparsed';
    return this.guard(invocation, () => key, async () => {
      const available = this.commandsFor(invocation.actor.platform).map((c) => c.data);
      const parsed = parseCommandLine(line, available);
      key = commandKey(parsed.data);
      return this.execute(key, parsed.args, invocation);
    });
  }

  /** Runs a command whose arguments the platform already parsed (Discord options). */
  async run(key: string, args: Args, invocation: Invocation): Promise<ReplyDocument> {
    return this.guard(invocation, () => key, () => this.execute(key, args, invocation));
  }

  private async execute(key: string, args: Args, invocation: Invocation): Promise<ReplyDocument> {
    const command = this.deps.commands.get(key);
    if (!command || (command.data.platforms && !command.data.platforms.includes(invocation.actor.platform))) {
      throw new BriefbotError('UNKNOWN_COMMAND', `There is no /${key} command here. Try /help.`);
    }
    if (command.data.permission === 'moderator' && !invocation.actor.isModerator) {
      throw new BriefbotError('FORBIDDEN', `Only moderators can use /${key}. Nothing was changed.`);
    }
    const { deps } = this;
    const forPlatform = () => this.commandsFor(invocation.actor.platform);
    let logger: CommandContext['logger'] | undefined;
    let commands: CommandContext['commands'] | undefined;
    // The command's logger and the command list are made when a command reads them (few do):
    // a pino child logger and the filtered list cost more than many a command.
    const ctx: CommandContext = {
      actor: invocation.actor,
      channel: invocation.channel,
      library: deps.library,
      clock: deps.clock,
      get logger() {
        return (logger ??= deps.logger.child({ command: key, platform: invocation.actor.platform }));
      },
      get commands() {
        return (commands ??= forPlatform().map((c) => c.data));
      },
      attachments: invocation.attachments ?? [],
      services: deps.services,
    };
    try {
      return await command.execute(ctx, args);
    } catch (error) {
      throw await this.withSuggestions(error, command.data.options, args);
    }
  }

  /**
   * A command that takes an exact slug (history, remove, revert...) and found no such briefing:
   * the refusal names the closest ones, as /briefing does for a topic.
   */
  private async withSuggestions(error: unknown, options: readonly CommandOption[], args: Args): Promise<unknown> {
    if (!isBriefbotError(error) || error.code !== 'UNKNOWN_BRIEFING') return error;
    const option = options.find((o) => (o.autocomplete === 'briefing' || o.autocomplete === 'removed-briefing') && !o.rest);
    const typed = option && args[option.name];
    if (typeof typed !== 'string' || !typed.trim()) return error;
    const near = await nearSlugs(this.deps.library, typed);
    return near.length ? new BriefbotError('UNKNOWN_BRIEFING', unknownBriefingMessage(typed, near), { cause: error }) : error;
  }

  private async guard(invocation: Invocation, keyOf: () => string, work: () => Promise<ReplyDocument>): Promise<ReplyDocument> {
    const started = performance.now();
    const report = (outcome: 'ok' | 'refused' | 'error') =>
      this.deps.onOutcome?.({ command: keyOf(), outcome, platform: invocation.actor.platform, ms: performance.now() - started });
    if (this.deps.allow && !this.deps.allow(invocation.actor)) {
      report('refused');
      return textReply('You are sending commands faster than I can answer. Please wait a few seconds and try again.', { tone: 'error' });
    }
    try {
      const reply = await work();
      report('ok');
      return reply;
    } catch (error) {
      if (isBriefbotError(error)) {
        report('refused');
        return textReply(error.userMessage, { tone: 'error' });
      }
      report('error');
      this.deps.logger.error({ err: error, command: keyOf(), platform: invocation.actor.platform, user: invocation.actor.userId }, 'command failed');
      return textReply('Sorry, something went wrong on my side while answering that. It has been logged; please try again later.', { tone: 'error' });
    }
  }
}
