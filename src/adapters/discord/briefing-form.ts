import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData,
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { Briefing } from '../../core/briefing/briefing.js';
import { MAX_TAG_LENGTH, MAX_TAGS, type ParseResult } from '../../core/briefing/parse-briefing.js';
import { type ReplyDocument, sliceWhole, trimAtSentence } from '../../core/render/document.js';
import { cancelCustomId, confirmCustomId, formCustomId } from './custom-id.js';

/** The commands that take a briefing document; Discord gives them a form or a file upload. */
export const FORM_COMMANDS: ReadonlySet<string> = new Set(['briefing add', 'briefing edit']);

/** Discord's longest text input, so the longest text a form can carry. */
export const FORM_TEXT_MAX = 4000;

/** Every tag a briefing may have, comma-separated: a shorter input would cut tags off an edit. */
const TAGS_TEXT_MAX = MAX_TAGS * (MAX_TAG_LENGTH + 2);

export interface FormValues {
  title: string;
  slug: string;
  tags: string;
  text: string;
}

/** The add/edit form: title, slug, tags and the text, prefilled for an edit. */
export function briefingModal(pendingId: string, heading: string, prefill?: Briefing): APIModalInteractionResponseCallbackData {
  const input = (id: keyof FormValues, style: TextInputStyle, required: boolean, max: number, value?: string, placeholder?: string) => {
    const t = new TextInputBuilder().setCustomId(id).setStyle(style).setRequired(required).setMaxLength(max);
    if (value) t.setValue(sliceWhole(value, max));
    if (placeholder) t.setPlaceholder(placeholder);
    return t;
  };
  const modal = new ModalBuilder().setCustomId(formCustomId(pendingId)).setTitle(heading.slice(0, 45));
  modal.addLabelComponents(new LabelBuilder().setLabel('Title').setTextInputComponent(input('title', TextInputStyle.Short, true, 200, prefill?.title)));
  // An edit keeps its slug: renaming is not an edit.
  if (!prefill) {
    modal.addLabelComponents(
      new LabelBuilder()
        .setLabel('Slug')
        .setDescription('Lowercase words joined by hyphens; left empty, made from the title')
        .setTextInputComponent(input('slug', TextInputStyle.Short, false, 64, undefined, 'election-debate-2024')),
    );
  }
  return modal
    .addLabelComponents(
      new LabelBuilder().setLabel('Tags').setDescription('Separated by commas').setTextInputComponent(input('tags', TextInputStyle.Short, false, TAGS_TEXT_MAX, prefill?.tags.join(', '))),
      new LabelBuilder().setLabel('Text').setDescription('The story or transcript, as published').setTextInputComponent(input('text', TextInputStyle.Paragraph, true, FORM_TEXT_MAX, prefill?.body)),
    )
    .toJSON();
}

/** What the moderator checks before saving: the parsed briefing, or every problem found. */
export function previewDocument(parsed: ParseResult, key: string): ReplyDocument {
  if (!parsed.ok) {
    return {
      title: 'This briefing cannot be saved yet',
      sections: [{ blocks: [{ kind: 'list', items: parsed.problems.map((p) => `${p.field}: ${p.message}`) }, { kind: 'context', text: 'Nothing was saved. Fix these and submit again.' }] }],
      actions: [],
      visibility: 'private',
      tone: 'error',
    };
  }
  const b = parsed.briefing;
  const fields = [
    { label: 'Slug', value: b.slug },
    { label: 'Tags', value: b.tags.length ? b.tags.join(', ') : 'none' },
    ...(b.source ? [{ label: 'Source', value: b.source }] : []),
    ...(b.participants.length ? [{ label: 'Participants', value: b.participants.map((p) => p.name).join(', ') }] : []),
    { label: 'Length', value: `${b.body.length} characters` },
  ];
  return {
    title: `Preview: ${b.title}`,
    sections: [
      { blocks: [{ kind: 'fields', fields }] },
      { title: 'Text', blocks: [{ kind: 'text', text: trimAtSentence(b.body, 900) }] },
      { blocks: [{ kind: 'context', text: `Nothing is saved until you press Confirm (/${key}). This preview expires in 15 minutes.` }] },
    ],
    actions: [],
    visibility: 'private',
  };
}

/** The Confirm and Cancel buttons of a preview. */
export function confirmRow(pendingId: string): APIActionRowComponent<APIComponentInMessageActionRow> {
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder().setCustomId(confirmCustomId(pendingId)).setLabel('Confirm').setStyle(ButtonStyle.Success),
      new ButtonBuilder().setCustomId(cancelCustomId(pendingId)).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
    )
    .toJSON();
}
