/** A person or party that takes part in a story, as an editor lists them in front-matter. */
export interface Participant {
  name: string;
  role?: string;
  /** The side they speak for: a country, party or organisation ("South Korea"). */
  side?: string;
  aliases: string[];
}

/** A briefing as an editor wrote it: front-matter plus the pasted story or transcript. */
export interface Briefing {
  slug: string;
  title: string;
  source?: string;
  url?: string;
  /** ISO date (YYYY-MM-DD) or date-time, as written. */
  published?: string;
  tags: string[];
  participants: Participant[];
  body: string;
}

/** A briefing without its body: what a file's front-matter gives (the body is the rest of the file). */
export type BriefingFrontMatter = Omit<Briefing, 'body'>;
