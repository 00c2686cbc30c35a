export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 64;

/** Names that are unsafe as file names on some systems, refused even though they match the pattern. */
const RESERVED = new Set(['con', 'prn', 'aux', 'nul', 'com1', 'com2', 'com3', 'com4', 'lpt1', 'lpt2', 'lpt3']);

/**
 * The words "/briefing <word>" reads as a command: the /briefing subcommands, and the command
 * families Slack reaches through /briefing ("/briefing digest status"). A briefing with one of
 * them as its slug could never be opened by typing it or by its own Open button. A test keeps
 * this list in step with commands/.
 */
const COMMAND_WORDS = new Set(['add', 'edit', 'export', 'help', 'history', 'list', 'remove', 'restore', 'revert', 'search', 'digest']);

export function slugProblem(slug: string): string | null {
  if (slug.length === 0) return 'a slug cannot be empty';
  if (slug.length > SLUG_MAX_LENGTH) return `a slug has at most ${SLUG_MAX_LENGTH} characters (this one has ${slug.length})`;
  if (!SLUG_PATTERN.test(slug)) return 'a slug uses lowercase a-z, 0-9 and single hyphens between them, like "korea-japan"';
  if (RESERVED.has(slug)) return `"${slug}" is a reserved name; choose another slug`;
  if (COMMAND_WORDS.has(slug)) return `"${slug}" is a command word (/briefing ${slug} runs that command); choose another slug`;
  return null;
}

/** Turns a title or a file name into a slug candidate ("Korea–Japan talks!" -> "korea-japan-talks"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '');
}
