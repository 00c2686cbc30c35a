/**
 * Builds the unseen-CNN eval file (bench/quality.ts --cnn-val) from the public CSV it was taken from:
 * `data/collection/cnn_dailymail_validation_subset.csv` of github.com/hillaryke/rag-optimization-cnn-dailymail
 * (1,000 CNN/DM validation articles, columns article, highlights, id; none is in the dev set).
 * The texts are CNN's, so the file stays outside this repository; nothing in CI or `npm test` needs it.
 *
 *   git clone https://github.com/hillaryke/rag-optimization-cnn-dailymail
 *   npx tsx bench/cnn-val-to-jsonl.ts rag-optimization-cnn-dailymail/data/collection/cnn_dailymail_validation_subset.csv > cnn-val.jsonl
 *   npm run bench:quality -- --cnn-val cnn-val.jsonl
 *
 * One eval object a line, in the CSV's order: {id, url: "", article, reference: highlights, systems: {}}.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { EvalArticle } from './quality.js';

/** RFC 4180 records: fields separated by commas, quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The CSV's rows as eval articles; throws if a column is missing. */
export function csvToEvalArticles(text: string): EvalArticle[] {
  const [header, ...rows] = parseCsv(text);
  const column = (name: string): number => {
    const at = header?.indexOf(name) ?? -1;
    if (at < 0) throw new Error(`the CSV has no "${name}" column`);
    return at;
  };
  const [article, highlights, id] = [column('article'), column('highlights'), column('id')];
  return rows
    .filter((row) => row.length > 1)
    .map((row) => ({ id: row[id]!, url: '', article: row[article]!, reference: row[highlights]!, systems: {} }));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (path === undefined) {
    console.error('usage: npx tsx bench/cnn-val-to-jsonl.ts <cnn_dailymail_validation_subset.csv> > cnn-val.jsonl');
    process.exit(2);
  }
  for (const a of csvToEvalArticles(readFileSync(path, 'utf8'))) process.stdout.write(`${JSON.stringify(a)}\n`);
}
