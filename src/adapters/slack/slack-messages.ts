import type { RespondArguments, types } from '@slack/bolt';
import type { ReplyDocument } from '../../core/render/document.js';
import type { LibraryEntry } from '../../ports/library.js';
import { escapeEntities, escapeMrkdwn } from './escape-mrkdwn.js';
import { plainWithin, renderPage, RUN_ACTION_PREFIX, type SlackMessage } from './to-block-kit.js';

export const PICK_ACTION_PREFIX = 'briefbot:pick:';
export const CANCEL_ACTION_ID = 'briefbot:cancel';
/** A static select holds at most 100 options. */
const PICKER_MAX_OPTIONS = 100;

export type RespondMessage = RespondArguments & SlackMessage;

/**
 * A reply as a response_url message: ephemeral unless the document is for the channel. With
 * `replace`, a private reply takes the place of the message whose button was pressed.
 */
export function replyMessage(doc: ReplyDocument, options: { line?: string; replace?: boolean } = {}): RespondMessage {
  const page = renderPage(doc, { withActions: true, ...(options.line !== undefined && { moreLine: options.line }) });
  if (doc.visibility === 'public') return { response_type: 'in_channel', replace_original: false, ...page.message };
  return { response_type: 'ephemeral', replace_original: options.replace ?? false, ...page.message };
}

/** A menu option per briefing. */
export function briefingOptions(entries: readonly LibraryEntry[]): types.PlainTextOption[] {
  return entries.slice(0, PICKER_MAX_OPTIONS).map((e) => ({ text: { type: 'plain_text', text: plainWithin(e.briefing.title, 75) }, value: e.briefing.slug }));
}

/**
 * The briefing menu `/briefing` alone shows (Slack's slash commands have no autocomplete): all
 * of a small library, or a type-ahead menu that asks briefbot for matches when it is larger.
 */
export function pickerMessage(family: string, entries: readonly LibraryEntry[]): RespondMessage {
  const action_id = `${PICK_ACTION_PREFIX}${family}`;
  const placeholder = { type: 'plain_text' as const, text: entries.length > PICKER_MAX_OPTIONS ? 'Type part of a title' : 'Choose a briefing' };
  const accessory: types.StaticSelect | types.ExternalSelect =
    entries.length > PICKER_MAX_OPTIONS
      ? { type: 'external_select', action_id, placeholder, min_query_length: 0 }
      : { type: 'static_select', action_id, placeholder, options: briefingOptions(entries) };
  return { response_type: 'ephemeral', text: 'Which briefing?', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Which briefing?' }, accessory }] };
}

export interface Confirmation {
  /** What happens, for the person about to confirm. */
  consequence: string;
  button: string;
  /** What the command acts on, as people know it (a briefing's title). */
  subject?: string;
}

/** "Really run ...?" with a danger button that runs the line and a Cancel that removes the question. */
export function confirmationMessage(line: string, what: Confirmation): RespondMessage {
  // In a code span Slack shows the marks as they are, and would show a date token as markup.
  const command = escapeEntities(line);
  return {
    response_type: 'ephemeral',
    text: `Really run ${escapeMrkdwn(line)}?`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Really run \`${command}\`${what.subject ? ` (“${escapeMrkdwn(what.subject)}”)` : ''}? ${escapeMrkdwn(what.consequence)}`, verbatim: true } },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: `${RUN_ACTION_PREFIX}confirm`, text: { type: 'plain_text', text: what.button }, style: 'danger', value: line },
          { type: 'button', action_id: CANCEL_ACTION_ID, text: { type: 'plain_text', text: 'Cancel' } },
        ],
      },
    ],
  };
}

/** The same POST Bolt's respond() makes, for when no listener's respond() is at hand (a closed modal). */
export async function postToResponseUrl(url: string, message: RespondMessage): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}
