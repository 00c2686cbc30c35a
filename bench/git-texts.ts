/**
 * Article texts read from a local clone of a public repository, for label sets whose texts are not
 * ours to copy (bench/quotes/outside.jsonl): each label line names its text as
 * `owner/name@<commit>:<path>`, and the text is read with `git show <commit>:<path>`.
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

/** The text `source` names, read from the clone at `gitDir`; undefined when the source is malformed or absent there. */
export function readSourceText(gitDir: string, source: string): string | undefined {
  const ref = parseSourceRef(source);
  return ref === undefined ? undefined : git(gitDir, ['show', `${ref.commit}:${ref.path}`]);
}
