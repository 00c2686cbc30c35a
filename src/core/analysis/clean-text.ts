/**
 * Turns text pasted from a news web page or a TV transcript into clean story text.
 *
 * Output contract (the sentence splitter and everything downstream rely on it):
 * - line endings are `\n`, runs of spaces are one space, no line has leading or trailing spaces;
 * - paragraphs are separated by exactly one blank line (`\n\n`); single `\n` inside a paragraph
 *   is kept, because in transcripts a line is usually a sentence or a speaker's turn;
 * - the whole result is trimmed;
 * - a headline (a short first line with no closing punctuation) becomes its own paragraph.
 *
 * Every rule removes a *class* of page furniture, matched conservatively: whole lines for things
 * that only ever appear on their own line (share bars, "• 6 years ago", sign-offs), and inline only
 * for phrases that never occur in story prose ("Scroll down for video").
 */
export function cleanText(raw: string): string {
  let text = normaliseWhitespace(raw);
  text = breakNumberedLists(stripPhotoCredits(stripInlineFurniture(text)));
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join('\n'));
    current = [];
  };
  /** The paragraph a wire dateline ("JAKARTA (Reuters) - ") opens, when one of the first few does. */
  let datelineParagraph = -1;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      flush();
      continue;
    }
    if (isFurnitureLine(line)) continue;
    const unheaded = stripPageHeader(line);
    const kept = stripLeadingDateline(unheaded);
    if (kept !== unheaded && datelineParagraph < 0 && current.length === 0 && paragraphs.length <= MAX_LEAD_FURNITURE) datelineParagraph = paragraphs.length;
    const unlabelled = stripLostLabel(kept);
    if (unlabelled !== '') current.push(unlabelled);
  }
  flush();
  const cleaned = separateHeadline(dropTrailingCredits(dropLeadFurniture(paragraphs, datelineParagraph)));
  return cleaned.join('\n\n');
}

/**
 * A line that opens on a colon lost its label (a crosshead or a speaker's name the copy dropped: ": The album came out in
 * 1977."): the colon goes, the words stay.
 */
function stripLostLabel(line: string): string {
  if (line.charCodeAt(0) !== 58) return line;
  let k = 1;
  while (k < line.length && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k += 1;
  return k > 1 ? line.slice(k) : line;
}

/**
 * A numbered list run into the text ("... in the Iran nuclear talks: . 1. The road to Lausanne ... 2. Who is at the
 * table?"): each item starts a paragraph and its number goes, so "2." is no sentence and the lead-in ends on its colon.
 * An enumerator counts only right after the end of a sentence or a colon (a stray " ." from a lost line break
 * allowed), before a capital, and never after "No." or "Vol." ("No. 1. Seed" is a ranking).
 */
export function breakNumberedLists(text: string): string {
  if (!LIST_NUMBER_HINT.test(text)) return text;
  return text.replace(LIST_NUMBER, (_, end: string) => `${end}\n\n`);
}

const LIST_NUMBER_HINT = /\d\. \p{Lu}/u;
const LIST_NUMBER = /(?<!\b(?:No|no|Nos|nos|Vol|vol|Art|Sec|Ch|Pt|Op))([.!?:]["”’']?) (?:\. )?\d{1,2}\. (?=\p{Lu})/gu;

/** At most this many paragraphs before a story's start are taken for page furniture. */
const MAX_LEAD_FURNITURE = 3;
/** A paragraph longer than this is story text, never a caption or a teaser. */
const MAX_FURNITURE_LENGTH = 400;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
/**
 * A wire photo caption: "1 of 4. Authorities monitor ...", or one sentence that ends on where and when
 * the picture was taken, a place and then a date with no "on" between them ("... in Mumbai May 13, 2014.").
 */
const GALLERY_CAPTION = /^\d{1,3} of \d{1,3}\. /;
const PLACE_THEN_DATE = new RegExp(`^[^.!?]*(?:[.!?](?! [A-Z])[^.!?]*)*\\b[A-Z][\\p{L}.'’-]*,? ${MONTH} \\d{1,2}, (?:19|20)\\d\\d\\.$`, 'u');

/**
 * Wire copy starts at its dateline: what a page shows before it (photo captions, "The best and worst of
 * Bollywood in 2014." teasers) is not the story. Without a dateline, a first paragraph that is a photo
 * caption goes. Only a few short paragraphs are ever dropped, and never the whole text.
 */
function dropLeadFurniture(paragraphs: string[], datelineParagraph: number): string[] {
  const short = (p: string): boolean => p.length <= MAX_FURNITURE_LENGTH;
  if (datelineParagraph > 0 && paragraphs.slice(0, datelineParagraph).every(short)) return paragraphs.slice(datelineParagraph);
  const first = paragraphs[0];
  if (paragraphs.length > 1 && first !== undefined && short(first) && (GALLERY_CAPTION.test(first) || PLACE_THEN_DATE.test(first))) return paragraphs.slice(1);
  return paragraphs;
}

/**
 * Line breaks become `\n`, zero-width characters go, other spaces become plain ones, and runs of spaces one:
 *   raw.replace(/\r\n?|\u2028|\u2029/g, '\n').replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
 *      .replace(/[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ').replace(/ {2,}/g, ' ')
 * in one scan (the tests hold it to those four): a run of spaces and zero-width characters becomes one space,
 * or nothing when it is all zero-width; a lone plain space is not even matched.
 */
export function normaliseWhitespace(raw: string): string {
  return raw.replace(WHITESPACE_TO_NORMALISE, normaliseMatch);
}

const WHITESPACE_TO_NORMALISE = /\r\n?|[\u2028\u2029]|[ \t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b-\u200d\u2060\ufeff]{2,}|[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b-\u200d\u2060\ufeff]/g;
const ZERO_WIDTH_ONLY = /^[\u200b-\u200d\u2060\ufeff]+$/;

function normaliseMatch(m: string): string {
  const c = m.charCodeAt(0);
  if (c === 13 || c === 0x2028 || c === 0x2029) return '\n';
  return ZERO_WIDTH_ONLY.test(m) ? '' : ' ';
}

// Phrases that mark an embedded video or gallery; they never belong to a story sentence.
const INLINE_FURNITURE = [
  /\bScroll down for (?:the )?(?:video|videos|more videos)\b\.?/gi,
  /\bScroll down to (?:see|watch) (?:the )?videos?\b\.?/gi,
  /\bClick here to (?:watch|see|view) (?:the )?(?:video|gallery|pictures)\b\.?/gi,
];

const INLINE_FURNITURE_OPENING = /scroll down|click here/i;

/** Video and gallery prompts removed from whitespace-normalised text (exported for its test). */
export function stripInlineFurniture(text: string): string {
  // Each phrase opens with "scroll down" or "click here"; without them there is nothing to strip, and the
  // normalised text has no runs of spaces.
  if (!INLINE_FURNITURE_OPENING.test(text)) return text;
  let out = text;
  for (const pattern of INLINE_FURNITURE) out = out.replace(pattern, ' ');
  return out.replace(/ {2,}/g, ' ');
}

/**
 * A photographer's credit glued into a caption: "Kevin C. Downs/for New York Daily News", "John Smith/Getty Images",
 * "Jane Doe/AP Photo". A name, a slash, perhaps "for", and an outlet whose last word names a news or photo agency.
 */
const PHOTO_CREDIT = new RegExp(
  String.raw`(?:^|(?<=\s))(?:\p{Lu}(?:[\p{L}'’-]+|\.) ){0,3}\p{Lu}[\p{L}'’-]*/(?:for )?(?:the )?(?:\p{Lu}[\p{L}&'’.-]* ){0,4}` +
    String.raw`(?:News|Times|Post|Images|Press|Photos?|Pictures|Reuters|AFP|AP|Herald|Tribune|Journal|Telegraph|Guardian|Agency|Wire|Service|Pool|Shutterstock|Alamy)\b:? ?`,
  'gu',
);

const CREDIT_SLASH = /[\p{L}'’-]\/(?:for )?(?:the )?\p{Lu}/u;

/** Photo credits removed from whitespace-normalised text (exported for its test). */
export function stripPhotoCredits(text: string): string {
  // A credit has a letter just before its slash and a capital (or "for"/"the") after it: "Downs/for", "Smith/Getty".
  if (!text.includes('/') || !CREDIT_SLASH.test(text)) return text;
  // A credit never spans a line break, and a line start counts as a space before it: only the lines that hold a
  // credit-like slash are searched, so a long text with one credit is not scanned position by position.
  return text
    .split('\n')
    .map((line) => (line.includes('/') && CREDIT_SLASH.test(line) ? line.replace(PHOTO_CREDIT, '') : line))
    .join('\n');
}

const TIME_UNIT = '(?:second|sec|minute|min|hour|hr|day|week|month|year|yr)s?';
const FURNITURE_LINES: RegExp[] = [
  // "• 6 years ago", "2 hours ago", "an hour ago", "Updated 3 days ago"
  new RegExp(`^[•·|\\-–—*]*\\s*(?:(?:updated|posted|published)\\s+)?(?:\\d+|an?|one)\\s+${TIME_UNIT}\\s+ago\\.?$`, 'i'),
  // Widgets and counters: "Recommended2", "Advertisement", "Related Articles", "Comments (12)"
  /^(?:recommended|advertisement|sponsored(?: content)?|related(?: articles| stories| content)?|comments?|most popular|trending|share(?: this)?(?: article| story| page)?|print|email)\s*[:(]?\s*\d*\s*\)?$/i,
  // Share bars: a line made only of share targets ("Share this with Email Facebook Twitter ...").
  // Each target must be followed by a separator or the end, so digit runs cannot be split in
  // exponentially many ways (a line of "2015201520..." would otherwise stall the regex).
  /^(?:share(?: this)?(?: article| story)?(?: with| on| via)?\s*:?\s*)?(?:(?:e-?mail|facebook|twitter|x|pinterest|whatsapp|linkedin|reddit|google\+?|messenger|tumblr|print|copy link|sms|flipboard|comments?|\d+)(?:[\s,|•·]+|$)){2,}$/i,
  /^share (?:this|on|via|with)\b.{0,40}\b(?:e-?mail|facebook|twitter|whatsapp|linkedin|pinterest|reddit|messenger)\b.{0,80}$/i,
  /^(?:story continues below(?: advertisement)?|continue reading(?: the main story)?|read more:?|click here\b.{0,160}|sign up (?:for|to)\b.{0,120}newsletter.{0,40}|follow (?:us|@)\S*.{0,80})$/i,
  // Bylines on their own line: "By Jane Doe", "By Jane Doe and John Roe, CNN", "By JANE DOE, Staff Reporter"
  /^By [A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+){0,3}(?:(?:,| and| &) [A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+){0,3})*(?:,? (?:CNN|AP|AFP|Reuters|(?:[A-Z][\p{L}&'’.-]* ){0,3}(?:News|Times|Post|Reporter|Correspondent|Editor|Writer)))?\.?$/u,
  // Time stamps on their own line: "Updated 1543 GMT (2343 HKT) April 13, 2015", "Published: 10:41 EST, 2 January 2014"
  /^(?:updated|published|posted|last (?:updated|modified))(?: on| at)?:? [^.]{0,80}\b(?:19|20)\d\d\b[^.]{0,30}$/i,
  // Photo credits on their own line: "Image copyright Reuters", "Photo: AFP/Getty Images"
  /^(?:image|photo|picture|video) (?:copyright|credit|caption)\b.{0,160}$/i,
  /^(?:photo|image|picture)s? ?(?:credit)?: .{0,120}$/i,
  // TV sign-offs and hand-offs: "Lee Ji-won, Arirang News." / "Lee Ji-won with more." / "Jane Doe reports."
  /^[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}, [A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3} (?:News|TV|Television|Radio|Network|Channel|Reporting)\.?$/,
  /^(?:[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}) (?:with|has) (?:more|the story|the details|this report)\.?$/,
  /^(?:[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}) report(?:s|ing)(?: from [A-Z][\w'’ .-]{0,40})?\.?$/,
];

function isFurnitureLine(line: string): boolean {
  return FURNITURE_LINES.some((pattern) => pattern.test(line));
}

const CLOCK = String.raw`\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:EST|EDT|GMT|BST|UTC|CET|PST|PDT))?`;
const LONG_DATE = String.raw`(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}`;
// Daily Mail: "By . Jane Doe . PUBLISHED: . 10:41 EST, 2 January 2014 . | . UPDATED: . 11:52 EST, 2 January 2014 . "
const DAILY_MAIL_HEADER = new RegExp(
  String.raw`^(?:By\s*\.\s*[^.|]{1,80}?(?:\s*\.\s*and\s+[^.|]{1,80}?)?\s*\.\s*)?` +
    String.raw`(?:(?:PUBLISHED|UPDATED|Last updated)\s*:?\s*\.?\s*(?:at\s+)?${CLOCK}(?:\s*on)?,?\s*${LONG_DATE}\s*\.?\s*\|?\s*\.?\s*)+`,
);
const BYLINE_DOTS = /^By\s*\.\s*[^.|]{1,80}?(?:\s*\.\s*and\s+[^.|]{1,80}?)?\s*\.\s+(?=\S)/;

function stripPageHeader(line: string): string {
  const withoutHeader = line.replace(DAILY_MAIL_HEADER, '');
  if (withoutHeader !== line) return withoutHeader.trim();
  // A bare "By . Name . " prefix without dates only appears in the same page template.
  return line.replace(BYLINE_DOTS, '').trim();
}

// "(CNN)", "WASHINGTON (CNN) -- ", "SURABAYA, Indonesia/JAKARTA (Reuters) - ": the agency tag and its city are not story text.
const DATELINE =
  /^(?:[A-Z][A-Za-z.'-]*(?:(?:[ ,]+|\/)[A-Z][A-Za-z.'-]*){0,4}\s*)?\((?:CNN|AP|AFP|Reuters|UPI|Xinhua|Yonhap|dpa|AAP|PA|EFE|ANSA)(?:\s+\w+)?\)\s*(?:--|—|–|-|:)?\s*/;

function stripLeadingDateline(line: string): string {
  return line.replace(DATELINE, '').trim();
}

const CREDIT_SENTENCE = /(?:^|(?<=[.!?'"”’] ))[^.!?\n]{0,160}\b(?:contributed to this (?:report|story|article)|contributed reporting)\.?$/;
/**
 * "Farid Ahmed reported from Dhaka and Harmeet Shah Singh from New Delhi.", "Greg Botelho wrote this story from
 * Atlanta.", "CNN's Jason Hanna wrote in Atlanta.": where the reporters were, a credit like the one above. A name
 * comes just before the verb (a reporter's name run into a link's text goes with it) and only places and names
 * after it ("The BBC reported in March that ..." is story).
 */
const WHERE_FILED_SENTENCE =
  /(?:^|(?<=[.!?'"”’] ))[^.!?\n]{0,120}\b\p{Lu}[\p{L}'’-]+ (?:reported|wrote|filed)(?: (?:this|the) (?:story|report|article))? (?:from|in) (\p{Lu}[^.!?\n]{0,80})\.?$/u;
const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

function stripWhereFiled(text: string): string {
  return text.replace(WHERE_FILED_SENTENCE, (sentence, tail: string) => {
    const words = tail.split(/[\s,]+/).filter(Boolean);
    const places = words.every((w) => /^\p{Lu}/u.test(w) || /^(?:and|from|in|the)$/.test(w)) && !words.some((w) => MONTHS.test(w));
    return places ? '' : sentence;
  });
}

/** "(Reporting by Andy Bruce in London; Editing by Joyjeet Das)", "Additional reporting by ...": wire credits. */
const WIRE_CREDITS = /^(\()?(?:additional )?(?:reporting|writing|editing|compiled|compiling|research|fact-?checking|graphics)(?: and (?:editing|writing))? by ([^()]*)(\))?\.?$/i;
/** Outside brackets, a credit is only names, places and the credit words between them. */
const CREDIT_LINKS = new Set(['and', 'in', 'by', 'from', 'with', 'additional', 'reporting', 'writing', 'editing', 'compiled', 'compiling', 'research']);

function isWireCredit(paragraph: string): boolean {
  const m = WIRE_CREDITS.exec(paragraph);
  if (!m) return false;
  if (m[1] !== undefined && m[3] !== undefined) return true;
  if (m[1] !== undefined || m[3] !== undefined) return false;
  return m[2]!.split(/[\s,;&]+/).every((w) => w === '' || /^\p{Lu}/u.test(w) || CREDIT_LINKS.has(w.toLowerCase())) && /^\p{Lu}/u.test(m[2]!);
}

/**
 * "CNN's Jane Doe contributed to this report." closes agency copy; it is a credit, not story. So are the
 * wire agencies' "(Reporting by ...; Editing by ...)" paragraphs.
 */
function dropTrailingCredits(paragraphs: string[]): string[] {
  while (paragraphs.length > 1 && isWireCredit(paragraphs[paragraphs.length - 1]!)) paragraphs = paragraphs.slice(0, -1);
  if (paragraphs.length === 0) return paragraphs;
  const last = paragraphs[paragraphs.length - 1]!;
  // The patterns are tried at every sentence start of a long paragraph: look for their fixed words first.
  if (!/contributed|reported|wrote|filed/.test(last)) return paragraphs;
  // Credits come in a run at the end ("X reported from A. Y wrote from B. Z contributed to this report."): strip from the last back.
  let stripped = last;
  for (let i = 0; i < 4; i++) {
    const next = stripWhereFiled(stripped.replace(CREDIT_SENTENCE, '')).trim();
    if (next === stripped) break;
    stripped = next;
  }
  if (stripped === last) return paragraphs;
  return stripped === '' ? paragraphs.slice(0, -1) : [...paragraphs.slice(0, -1), stripped];
}

/**
 * A short first line without closing punctuation, followed by more text, is a headline:
 * it becomes its own paragraph so the splitter and the summary treat it as a title.
 */
function separateHeadline(paragraphs: string[]): string[] {
  const first = paragraphs[0];
  if (first === undefined) return paragraphs;
  const newline = first.indexOf('\n');
  if (newline < 0) return paragraphs;
  const line = first.slice(0, newline);
  if (!looksLikeHeadline(line)) return paragraphs;
  return [line, first.slice(newline + 1), ...paragraphs.slice(1)];
}

function looksLikeHeadline(line: string): boolean {
  if (line.length > 200 || /[.!?…:;,]["'”’)]*$/.test(line)) return false;
  const words = line.split(' ');
  return words.length >= 2 && /^["'“‘]?[A-Z0-9]/.test(line);
}

/**
 * A sentence as a reader should see it on a card: a TV transcript's ",..." (a pause that carries
 * the sentence on) becomes a plain comma, and the line breaks inside the sentence become spaces.
 * The sentence itself, with its offsets, stays as it was for the analysis.
 */
export function readableSentence(text: string): string {
  return text
    .replace(/,\s*(?:\.\.\.|…)(?=\s|$)/g, ',')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

const PHOTO_POINTER = /\((?:left|right|centre|center|pictured|above|below|top|bottom|inset|second left|second right|far left|far right)\)|\bpictured\b/i;

/**
 * The sentence points at a photo ("Grant Allen (left) ...", "..., pictured here in court"): a caption
 * pasted into the story with the page, which a summary or an issue list should not lean on.
 */
export function pointsAtPhoto(sentence: string): boolean {
  return PHOTO_POINTER.test(sentence);
}
