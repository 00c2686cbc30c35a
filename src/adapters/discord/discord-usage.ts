import type { Block, ReplyDocument } from '../../core/render/document.js';
import type { DiscordCommandSet } from './command-definitions.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites the commands a reply names ("/briefing list", "/briefing add") the way a Discord user
 * types them ("/briefings list", "/briefing-admin add"), so help and hints lead somewhere. Only
 * the text is rewritten: button command lines keep the neutral grammar the dispatcher parses.
 */
export function withDiscordUsage(doc: ReplyDocument, commands: DiscordCommandSet, keys: readonly string[]): ReplyDocument {
  return discordUsageRewriter(commands, keys)(doc);
}

/** withDiscordUsage for one command set, its pattern compiled once (a handler renders every reply with it). */
export function discordUsageRewriter(commands: DiscordCommandSet, keys: readonly string[]): (doc: ReplyDocument) => ReplyDocument {
  const pairs = keys
    .map((key): [string, string | undefined] => [`/${key}`, commands.discordUsage(key)])
    .filter((p): p is [string, string] => p[1] !== undefined && p[0] !== p[1])
    .sort((a, b) => b[0].length - a[0].length);
  if (pairs.length === 0) return (doc) => doc;
  const byNeutral = new Map(pairs);
  const pattern = new RegExp(`(?<![\\w/-])(${pairs.map(([n]) => escapeRegExp(n)).join('|')})(?![\\w-])`, 'g');
  // Every reply goes through this; text naming no command has no "/".
  const fix = (s: string) => (s.includes('/') ? s.replace(pattern, (m) => byNeutral.get(m) ?? m) : s);
  return (doc) => rewrite(doc, fix);
}

function rewrite(doc: ReplyDocument, fix: (s: string) => string): ReplyDocument {
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'text':
      case 'context':
        return { ...b, text: fix(b.text) };
      case 'quote':
        return b;
      case 'list':
        return { ...b, items: b.items.map(fix) };
      case 'fields':
        return { ...b, fields: b.fields.map((f) => ({ label: fix(f.label), value: fix(f.value) })) };
      case 'channels':
        return { ...b, items: b.items.map((c) => ({ ...c, text: fix(c.text) })) };
    }
  };
  return {
    ...doc,
    sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.map(block) })),
    ...(doc.footer !== undefined && { footer: fix(doc.footer) }),
  };
}
