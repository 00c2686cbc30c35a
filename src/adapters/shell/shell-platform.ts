import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ReplyDocument } from '../../core/render/document.js';
import type { ChatPlatform } from '../../ports/chat-platform.js';
import type { Actor } from '../../ports/command.js';
import type { Dispatcher } from '../../dispatch/dispatcher.js';
import { renderText } from './render-text.js';

export interface ShellOptions {
  dispatcher: Dispatcher;
  input: Readable & { isTTY?: boolean };
  output: Writable;
  user: string;
  /** Called when the input ends (end of a pipe, Ctrl-D, /quit). */
  onClose: () => void;
}

export const SHELL_CHANNEL = 'shell';

/**
 * The terminal as a chat platform, like Hubot's shell adapter: an interactive prompt on a TTY;
 * otherwise each input line is a command, answered in order, until the input ends.
 */
export class ShellPlatform implements ChatPlatform {
  readonly name = 'shell' as const;
  private ready = false;
  private closed = false;
  private rl: ReturnType<typeof createInterface> | undefined;

  constructor(private readonly options: ShellOptions) {}

  isReady(): boolean {
    return this.ready;
  }

  async start(): Promise<void> {
    const { input, output } = this.options;
    const interactive = input.isTTY === true;
    const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, historySize: 500 });
    this.rl = rl;
    this.ready = true;
    const actor: Actor = { platform: 'shell', userId: this.options.user, userName: this.options.user, isModerator: true };
    if (interactive) {
      output.write('briefbot shell. Type /help for commands, /quit to leave.\n');
      rl.setPrompt('briefbot> ');
      rl.prompt();
    }
    // Lines are answered one at a time, in order, even when a pipe delivers them all at once.
    let queue = Promise.resolve();
    rl.on('line', (raw) => {
      queue = queue.then(async () => {
        const line = raw.trim();
        if (!line || line.startsWith('#')) {
          if (interactive) rl.prompt();
          return;
        }
        if (/^\/?(quit|exit)$/i.test(line)) {
          rl.close();
          return;
        }
        const command = line.startsWith('/') ? line : `/${line}`;
        const reply = await this.options.dispatcher.runLine(command, { actor, channel: { platform: 'shell', id: SHELL_CHANNEL, scope: SHELL_CHANNEL } });
        output.write(renderText(reply));
        if (interactive) {
          output.write('\n');
          rl.prompt();
        }
      });
    });
    rl.on('close', () => {
      void queue.then(() => this.finish());
    });
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.ready = false;
    this.options.onClose();
  }

  async stop(): Promise<void> {
    this.rl?.close();
  }

  async post(_channelId: string, doc: ReplyDocument): Promise<void> {
    this.options.output.write(renderText(doc));
  }
}
