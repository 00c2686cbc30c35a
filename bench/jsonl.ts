import { readFileSync } from 'node:fs';

/** The objects of a JSON Lines file, one a non-blank line, in order. */
export function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The article texts of an eval file (`{id, article, ...}` a line), by id. */
export function articleTextsById(evalPath: string): Map<string, string> {
  return new Map(readJsonLines<{ id: string; article: string }>(evalPath).map((a) => [a.id, a.article]));
}
