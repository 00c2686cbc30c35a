import type { Block, ReplyDocument } from '../../core/render/document.js';

const WIDTH = 88;

/** Wraps a paragraph to the terminal width with an indent. */
export function wrap(text: string, indent = '', width = WIDTH): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out.join('\n');
}

// Terminal escape sequences in a briefing would repaint or retitle the user's terminal.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const safe = (s: string) => s.replace(TERMINAL_CONTROL, '');

function renderBlock(b: Block): string {
  switch (b.kind) {
    case 'text':
      return wrap(safe(b.text), '  ');
    case 'context':
      return wrap(safe(b.text), '  ');
    case 'quote': {
      const quote = wrap(`“${safe(b.text)}”`, '  ');
      return `${quote}\n    — ${b.attribution ? safe(b.attribution) : 'speaker not identified'}`;
    }
    case 'list':
      return b.items.map((item, i) => wrap(`${b.ordered ? `${i + 1}.` : '•'} ${safe(item)}`, '  ')).join('\n');
    case 'fields':
      return b.fields.map((f) => `  • ${safe(f.label)}\n${wrap(safe(f.value), '      ')}`).join('\n');
    case 'channels':
      return b.items.map((c) => `  • ${safe(c.name)}\n${wrap(safe(c.text), '      ')}`).join('\n');
  }
}

/** A reply as readable terminal text. */
export function renderText(doc: ReplyDocument): string {
  const parts: string[] = [];
  if (doc.title) parts.push(`${doc.tone === 'error' ? '' : '■ '}${safe(doc.title)}`);
  const meta = [doc.subtitle, doc.url].filter(Boolean).map((s) => safe(s as string));
  if (meta.length) parts.push(`  ${meta.join(' · ')}`);
  for (const section of doc.sections) {
    const body = section.blocks.map(renderBlock).join('\n');
    parts.push(section.title ? `${safe(section.title)}\n${body}` : body);
  }
  if (doc.footer) parts.push(`  ${safe(doc.footer)}`);
  if (doc.actions.length) parts.push(doc.actions.map((a) => `  → ${safe(a.command)}  (${safe(a.label)})`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}
