import { buttonLineKey } from '../../core/render/button-line-key.js';

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
  /** A long line kept in the ButtonLineStore under this key (ButtonLines.parse looks it up). */
  | { kind: 'ref'; key: string }
  | { kind: 'confirm'; id: string }
  | { kind: 'cancel'; id: string }
  | { kind: 'form'; id: string }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/**
 * The custom_id of a button that runs a command line: the line itself, without its slash, when it
 * fits (nearly all: "/briefing <slug> quotes 2"). A longer line gets its content hash instead and
 * is added to `long` (key → line): the caller must keep those in the ButtonLineStore before the
 * button is shown (ButtonLines.render does).
 */
export function lineCustomId(line: string, long: Map<string, string>): string {
  const compact = line.trim().replace(/^\//, '');
  if (LINE.length + compact.length <= CUSTOM_ID_MAX) return LINE + compact;
  const key = buttonLineKey(compact);
  long.set(key, compact);
  return REF + key;
}

export const confirmCustomId = (id: string) => CONFIRM + id;
export const cancelCustomId = (id: string) => CANCEL + id;
export const formCustomId = (id: string) => FORM + id;

export function parseCustomId(customId: string): ComponentRef {
  if (customId.startsWith(LINE)) return { kind: 'line', line: `/${customId.slice(LINE.length)}` };
  if (customId.startsWith(REF)) return { kind: 'ref', key: customId.slice(REF.length) };
  if (customId.startsWith(CONFIRM)) return { kind: 'confirm', id: customId.slice(CONFIRM.length) };
  if (customId.startsWith(CANCEL)) return { kind: 'cancel', id: customId.slice(CANCEL.length) };
  if (customId.startsWith(FORM)) return { kind: 'form', id: customId.slice(FORM.length) };
  return { kind: 'unknown' };
}
