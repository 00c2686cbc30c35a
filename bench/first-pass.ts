/**
 * One pass over the eval articles in this fresh process, the JIT cold and no memo filled: what a
 * process that has just started does with its first stories. Prints `{"rate": articles per CPU-second}`.
 * Run by bench/speed.ts as a child process (`node --import tsx bench/first-pass.ts ours|ts-textrank PATH`),
 * so module loading and compiling are not timed, only the pass.
 */
import { createRequire } from 'node:module';
import { analyze } from '../src/core/analysis/analyze.js';
import { loadEvalSet } from './quality.js';

const [which, path] = process.argv.slice(2);
if ((which !== 'ours' && which !== 'ts-textrank') || !path) throw new Error('usage: first-pass.ts ours|ts-textrank EVAL_PATH');
const texts = loadEvalSet(path).map((a) => a.article);
let run: (text: string) => unknown;
if (which === 'ours') run = (text) => analyze({ text });
else {
  const t = createRequire(import.meta.url)('ts-textrank') as typeof import('ts-textrank');
  const summarizer = new t.Summarizer(
    new t.AbsoluteSummarizerConfig(3, new t.SorensenDiceSimilarity(), new t.DefaultTextParser(), 0.85, t.Summarizer.SORT_OCCURENCE),
    new t.NullLogger(),
  );
  run = (text) => summarizer.summarize(text, 'en');
}
const start = process.cpuUsage();
for (const text of texts) run(text);
const used = process.cpuUsage(start);
process.stdout.write(`${JSON.stringify({ rate: (texts.length / (used.user + used.system)) * 1e6 })}\n`);
