import { composeDigest, type DigestItem, selectDigestItems } from '../core/digest/compose-digest.js';
import type { ReplyDocument } from '../core/render/document.js';
import type { DigestSubscription } from '../ports/digests.js';
import type { BriefingLibrary } from '../ports/library.js';

export interface BuiltDigest {
  /** Null: nothing to post. */
  doc: ReplyDocument | null;
  items: number;
  /** The end of the window covered; the next digest starts here. */
  until: Date;
}

/**
 * Reads the library and composes a subscription's digest for the window (since, until]: the
 * briefings changed in it that match the tags, each with its TL;DR and top quote.
 */
export async function buildDigest(
  library: BriefingLibrary,
  subscription: DigestSubscription,
  window: { since: Date; until: Date; at: Date; preview?: boolean },
): Promise<BuiltDigest> {
  const entries = selectDigestItems(await library.list(), { since: window.since, until: window.until, tags: subscription.tags });
  const items: DigestItem[] = [];
  for (const entry of entries) {
    const analysis = await library.analysisOf(entry);
    const quote = analysis?.quotes.find((q) => q.key) ?? analysis?.quotes[0];
    items.push({
      briefing: entry.briefing,
      updatedAt: entry.updatedAt,
      ...(analysis?.tldr && { tldr: analysis.tldr }),
      ...(quote && { topQuote: { text: quote.text, speaker: quote.speaker } }),
    });
  }
  const doc = composeDigest(items, {
    style: subscription.style,
    noteWhenEmpty: subscription.noteWhenEmpty,
    timeZone: subscription.timeZone,
    at: window.at,
    tags: subscription.tags,
    ...(window.preview && { preview: true }),
    ...(subscription.pausedAt && { pausedReason: subscription.pausedReason ?? 'no reason recorded' }),
  });
  return { doc, items: items.length, until: window.until };
}
