import { type CommandData, commandKey, usageOf } from '../commands/command-data.js';
import type { Block, ReplyDocument } from './document.js';

/**
 * The commands a help topic names: a family ("digest"), one command ("digest subscribe") or a
 * subcommand alone ("search"). A subcommand the family does not have gets the family, with a
 * note saying so (`unknown`), rather than the family as if it had been asked for.
 */
function commandsOf(commands: readonly CommandData[], topic: string): { title: string; shown: readonly CommandData[]; unknown?: string } | undefined {
  const [name = '', sub] = topic.replace(/^\//, '').toLowerCase().split(/\s+/);
  const family = commands.filter((c) => c.name === name);
  if (family.length && sub !== undefined) {
    const one = family.filter((c) => c.subcommand === sub);
    if (one.length) return { title: `/${name} ${sub}`, shown: one };
    return { title: `/${name} commands`, shown: family, unknown: `"${sub.slice(0, 40)}" is not one of the ${name} commands; these are:` };
  }
  if (family.length) return { title: `/${name} commands`, shown: family };
  const bySub = commands.filter((c) => c.subcommand === name);
  return bySub.length ? { title: bySub.length === 1 ? `/${commandKey(bySub[0] as CommandData)}` : `/… ${name}`, shown: bySub } : undefined;
}

/** The help page: every command this platform serves, or those a topic names. */
export function buildHelp(commands: readonly CommandData[], topic?: string): ReplyDocument {
  const found = topic ? commandsOf(commands, topic) : undefined;
  const sorted = [...(found?.shown ?? commands)].sort((a, b) => commandKey(a).localeCompare(commandKey(b)));
  const blocks: Block[] = [];
  if (topic && !found) blocks.push({ kind: 'text', text: `"${topic.replace(/^\//, '').slice(0, 40)}" is not a command; these are all of them:` });
  if (found?.unknown) blocks.push({ kind: 'text', text: found.unknown });
  blocks.push({
    kind: 'fields',
    fields: sorted.map((c) => ({
      label: usageOf(c),
      value: `${c.description}${c.permission === 'moderator' ? ' (moderators)' : ''}`,
    })),
  });
  return {
    title: found?.title ?? 'briefbot commands',
    sections: [{ blocks }],
    actions: [],
    visibility: 'private',
  };
}
