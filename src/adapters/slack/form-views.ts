import type { types } from '@slack/bolt';
import type { Briefing } from '../../core/briefing/briefing.js';
import { briefingFromForm, splitTags } from '../../core/briefing/briefing-form.js';
import { serializeBriefing } from '../../core/briefing/parse-briefing.js';
import type { ReplyDocument } from '../../core/render/document.js';
import type { Attachment } from '../../ports/command.js';
import { renderPage } from './to-block-kit.js';

export const FORM_CALLBACK = 'briefbot:form';
export const PREVIEW_CALLBACK = 'briefbot:preview';

/** Slack's plain_text_input holds at most 3000 characters: longer texts go through a file. */
export const FORM_TEXT_MAX = 3000;
const TITLE_MAX = 200;
/** A modal holds 100 blocks; the preview keeps room for its own notes. */
const MODAL_BLOCKS = 95;

/** What a form carries from the command that opened it to its submission. */
export interface FormMeta {
  /** The command line that saves the briefing ("/briefing add", "/briefing edit korea-japan"). */
  line: string;
  mode: 'add' | 'edit';
  /** The briefing being edited. */
  slug?: string;
  /** Where to tell the moderator the outcome once the modal has closed. */
  responseUrl?: string;
  channelId: string;
}

export interface FormFields {
  title: string;
  slug: string;
  tags: string[];
  text: string;
}

const BLOCK = { title: 'title', slug: 'slug', tags: 'tags', text: 'text' } as const;

function input(blockId: string, label: string, element: types.PlainTextInput, options: { optional?: boolean; hint?: string } = {}): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    element,
    ...(options.optional && { optional: true }),
    ...(options.hint && { hint: { type: 'plain_text', text: options.hint } }),
  };
}

function textInput(initial: string | undefined, extra: Partial<types.PlainTextInput> = {}): types.PlainTextInput {
  return { type: 'plain_text_input', action_id: 'value', ...(initial && { initial_value: initial }), ...extra };
}

/** The add or edit form: title, slug (when adding), tags, text. */
export function formView(meta: FormMeta, initial?: Briefing): types.View {
  const blocks: types.KnownBlock[] = [
    input(BLOCK.title, 'Title', textInput(initial?.title, { max_length: TITLE_MAX })),
  ];
  if (meta.mode === 'add') {
    blocks.push(input(BLOCK.slug, 'Slug', textInput(undefined, { max_length: 64, placeholder: { type: 'plain_text', text: 'korea-japan' } }), { optional: true, hint: 'Lower-case words joined by dashes; made from the title when empty.' }));
  }
  blocks.push(
    input(BLOCK.tags, 'Tags', textInput(initial?.tags.join(', ')), { optional: true, hint: 'Separated by commas, e.g. diplomacy, korea' }),
    input(BLOCK.text, 'Text', textInput(initial?.body, { multiline: true, max_length: FORM_TEXT_MAX }), { hint: 'The story or transcript. Longer texts: attach a Markdown file in Discord or use the shell.' }),
  );
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: meta.mode === 'add' ? 'Add a briefing' : 'Edit a briefing' },
    submit: { type: 'plain_text', text: 'Preview' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

type StateValues = Record<string, Record<string, { value?: string | null }>>;

export function readForm(values: StateValues): FormFields {
  const get = (block: string) => (values[block]?.value?.value ?? '').trim();
  return {
    title: get(BLOCK.title),
    slug: get(BLOCK.slug).toLowerCase(),
    tags: [...new Set(splitTags(get(BLOCK.tags)).map((t) => t.toLowerCase()))],
    text: get(BLOCK.text),
  };
}

export function readMeta(privateMetadata: string): FormMeta | undefined {
  try {
    const m = JSON.parse(privateMetadata) as Partial<FormMeta>;
    if (typeof m.line === 'string' && (m.mode === 'add' || m.mode === 'edit') && typeof m.channelId === 'string') return m as FormMeta;
  } catch {
    // not ours
  }
  return undefined;
}

export type Submission = { ok: true; briefing: Briefing; attachment: Attachment } | { ok: false; errors: Record<string, string> };

/**
 * The briefing a form describes (validated as a file would be), as the Markdown file the
 * moderation commands take as an attachment. Editing keeps what the form does not show
 * (source, URL, date, participants).
 */
export function submissionOf(fields: FormFields, options: { base?: Briefing; maxBodyBytes: number }): Submission {
  const { base } = options;
  const result = briefingFromForm(
    { title: fields.title, tags: fields.tags, text: fields.text, ...(fields.slug && { slug: fields.slug }) },
    { maxBodyBytes: options.maxBodyBytes, ...(base && { slug: base.slug }) },
  );
  if (!result.ok) {
    const errors: Record<string, string> = {};
    for (const p of result.problems) {
      const field = p.field.split(/[.[]/)[0] ?? '';
      const block = field === 'title' ? BLOCK.title : field === 'slug' && !base ? BLOCK.slug : field === 'tags' ? BLOCK.tags : BLOCK.text;
      errors[block] = errors[block] ? `${errors[block]}; ${p.message}` : p.message;
    }
    return { ok: false, errors };
  }
  const briefing: Briefing = base ? { ...base, title: result.briefing.title, tags: result.briefing.tags, body: result.briefing.body } : result.briefing;
  const name = `${briefing.slug}.md`;
  return { ok: true, briefing, attachment: { name, content: new TextEncoder().encode(serializeBriefing(briefing)) } };
}

/** The preview pushed over the form: the card as it will look, with Save and Back. */
export function previewView(card: ReplyDocument, pendingId: string): types.View {
  const page = renderPage(card, { withActions: false });
  const blocks = page.message.blocks.slice(0, MODAL_BLOCKS);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'This is a preview: nothing is saved until you press *Save*. *Back* returns to the form.' }] });
  return {
    type: 'modal',
    callback_id: PREVIEW_CALLBACK,
    private_metadata: pendingId,
    title: { type: 'plain_text', text: 'Preview' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Back' },
    blocks,
  };
}

/** A modal showing one reply (a refusal or an error), whose only button goes back. */
export function replyView(doc: ReplyDocument, title = 'briefbot'): types.View {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title },
    close: { type: 'plain_text', text: 'Back' },
    blocks: renderPage(doc, { withActions: false }).message.blocks.slice(0, MODAL_BLOCKS),
  };
}
