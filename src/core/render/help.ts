import { type CommandData, commandKey, usageOf } from '../commands/command-data.js';
import type { ReplyDocument } from './document.js';

/** The help page: every command this platform serves, or one command family's. */
export function buildHelp(commands: readonly CommandData[], family?: string): ReplyDocument {
  const shown = family ? commands.filter((c) => c.name === family) : commands;
  const list = shown.length ? shown : commands;
  const sorted = [...list].sort((a, b) => commandKey(a).localeCompare(commandKey(b)));
  return {
    title: family && shown.length ? `/${family} commands` : 'briefbot commands',
    sections: [
      {
        blocks: [
          {
            kind: 'fields',
            fields: sorted.map((c) => ({
              label: usageOf(c),
              value: `${c.description}${c.permission === 'moderator' ? ' (moderators)' : ''}`,
            })),
          },
        ],
      },
    ],
    actions: [],
    visibility: 'private',
  };
}
