import { readFileSync } from 'node:fs';
import { analyze } from '../src/core/analysis/analyze.js';
const lines = readFileSync('/tmp/read420.jsonl','utf8').split('\n');
const [n, filt] = process.argv.slice(2);
const a = JSON.parse(lines[Number(n)-1]!);
const an = analyze({ text: a.article });
for (const q of an.quotes as any[]) if (!filt || q.text.includes(filt)) console.log(`${q.speaker} (${q.cue ?? ''}) <- ${q.text.slice(0,80)}`);
