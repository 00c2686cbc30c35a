/**
 * Article texts read from a local clone of a public repository, for label sets whose texts are not
 * ours to copy (bench/quotes/outside.jsonl): each label line names its text as
 * `owner/name@<commit>:<path>`, and the text is read with `git show <commit>:<path>`.
 *
 * Some sources keep the headline in the file: the BBC News files of DokahlSoZoor/DieNeueKrone are the headline
 * on the first line, a blank line, then the body. A user pasting such a story into a briefing puts the headline in
 * the title and the story in the body, so the article is read the same way (`readSourceArticle`): analysing the
 * headline as body text would glue it, without a full stop, to the first sentence.
 */
import { execFileSync } from 'node:child_process';

export interface SourceRef {
  repo: string;
  commit: string;
  path: string;
}

/** "codelucas/newspaper@1618b54...:tests/data/text/nj.com1.txt" -> its parts; undefined if it is not of that form. */
export function parseSourceRef(source: string): SourceRef | undefined {
  const m = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{7,40}):(.+)$/.exec(source);
  return m ? { repo: m[1]!, commit: m[2]!, path: m[3]! } : undefined;
}

function git(gitDir: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', gitDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
  } catch {
    return undefined;
  }
}

/** Whether `gitDir` is a git directory (bare or not) that holds `commit`. */
export function hasCommit(gitDir: string, commit: string): boolean {
  return git(gitDir, ['cat-file', '-e', `${commit}^{commit}`]) !== undefined;
}

/** Repositories whose files open with a headline line and a blank line before the body. */
const HEADLINE_FIRST: ReadonlySet<string> = new Set(['DokahlSoZoor/DieNeueKrone']);

export interface SourceArticle {
  text: string;
  title?: string;
}

/** "Headline\n\nBody ..." -> its headline and body; the whole text as body when it is not laid out so. */
export function splitHeadline(raw: string): SourceArticle {
  const m = /^([^\n]+)\n[ \t]*\n([\s\S]*)$/.exec(raw);
  return m ? { title: m[1]!.trim(), text: m[2]! } : { text: raw };
}

/** The article `source` names, with its headline split off for the repositories that keep one on the first line. */
export function readSourceArticle(gitDir: string, source: string): SourceArticle | undefined {
  const raw = readSourceText(gitDir, source);
  if (raw === undefined) return undefined;
  return HEADLINE_FIRST.has(parseSourceRef(source)!.repo) ? splitHeadline(raw) : { text: raw };
}

/** The text `source` names, read from the clone at `gitDir`; undefined when the source is malformed or absent there. */
export function readSourceText(gitDir: string, source: string): string | undefined {
  const ref = parseSourceRef(source);
  return ref === undefined ? undefined : git(gitDir, ['show', `${ref.commit}:${ref.path}`]);
}
