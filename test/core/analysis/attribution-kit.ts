/** The quote finder and speaker attribution run as analyze() runs them, for tests that ask who said a quote. */
import { attributeSpeakers, type Attribution } from '../../../src/core/analysis/attribute-speakers.js';
import { extractQuotes } from '../../../src/core/analysis/extract-quotes.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';
import type { Participant } from '../../../src/core/briefing/briefing.js';

/** Every quote of `text` with its attribution. */
export function attribute(text: string, participants: Participant[] = []): Array<Attribution & { text: string }> {
  const quotes = extractQuotes(text);
  const mentions = findMentions(text, participants);
  const names = new NameIndex(mentions, participants);
  return attributeSpeakers(text, quotes, mentions, names, { participants }).map((a, i) => ({ ...a, text: quotes[i]!.text }));
}

/** The speaker of the first quote holding `quote` (undefined when no quote holds it). */
export function speakerOf(text: string, quote: string): string | null | undefined {
  return attribute(text).find((a) => a.text.includes(quote))?.speaker;
}
