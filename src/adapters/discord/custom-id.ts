import { createHash } from 'node:crypto';

/** Discord refuses a component whose custom_id is longer than this. */
export const CUSTOM_ID_MAX = 100;

const LINE = 'l:';
const REF = 'r:';
const CONFIRM = 'm:ok:';
const CANCEL = 'm:no:';
const FORM = 'm:form:';

/** What a button or modal's custom_id stands for. */
export type ComponentRef =
  | { kind: 'line'; line: string }
  | { kind: 'confirm'; id: string }
  | { kind: 'cancel'; id: string }
  | { kind: 'form'; id: string }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/**
 * Keeps command lines too long for a custom_id, keyed by their hash. Memory only: a button made by
 * one replica and pressed after a restart, or on another replica, answers "expired". Lines short
 * enough to fit (nearly all: "/briefing <slug> quotes 2") travel in the custom_id itself and work
 * anywhere.
 */
export class LongLineStore {
  private readonly lines = new Map<string, string>();
  constructor(private readonly capacity = 5000) {}

  put(line: string): string {
    const key = createHash('sha256').update(line).digest('base64url').slice(0, 22);
    this.lines.delete(key);
    this.lines.set(key, line);
    if (this.lines.size > this.capacity) this.lines.delete(this.lines.keys().next().value as string);
    return key;
  }

  get(key: string): string | undefined {
    return this.lines.get(key);
  }
}

/** The custom_id of a button that runs a command line: the line itself, without its slash, when it fits. */
export function lineCustomId(line: string, store: LongLineStore): string {
  const compact = line.trim().replace(/^\//, '');
  if (LINE.length + compact.length <= CUSTOM_ID_MAX) return LINE + compact;
  return REF + store.put(compact);
}

export const confirmCustomId = (id: string) => CONFIRM + id;
export const cancelCustomId = (id: string) => CANCEL + id;
export const formCustomId = (id: string) => FORM + id;

export function parseCustomId(customId: string, store: LongLineStore): ComponentRef {
  if (customId.startsWith(LINE)) return { kind: 'line', line: `/${customId.slice(LINE.length)}` };
  if (customId.startsWith(REF)) {
    const line = store.get(customId.slice(REF.length));
    return line === undefined ? { kind: 'expired' } : { kind: 'line', line: `/${line}` };
  }
  if (customId.startsWith(CONFIRM)) return { kind: 'confirm', id: customId.slice(CONFIRM.length) };
  if (customId.startsWith(CANCEL)) return { kind: 'cancel', id: customId.slice(CANCEL.length) };
  if (customId.startsWith(FORM)) return { kind: 'form', id: customId.slice(FORM.length) };
  return { kind: 'unknown' };
}
