import { readFileSync } from 'node:fs';
import { analyze } from '../src/core/analysis/analyze.js';
import { sameSpeaker } from './quote-eval.js';
const [labelsPath, lines] = process.argv.slice(2);
if (/heldout2/.test(labelsPath!) && lines !== 'odd') throw new Error('read sets only');
if (/outside|cnnval/.test(labelsPath!)) throw new Error('read sets only');
const arts = new Map<string,string>();
for (const l of readFileSync('../../shared/eval/cnndm-dev.jsonl','utf8').split('\n')) if (l.trim()) { const a = JSON.parse(l); arts.set(a.id, a.article); }
const words = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
const labels = readFileSync(labelsPath!,'utf8').split('\n').filter(l=>l.trim()).filter((_, i) => lines === undefined || (i % 2 === 0)).map(l=>JSON.parse(l));
for (const lab of labels) { const text = arts.get(lab.id)!; const an = analyze({ text });
  for (const g of lab.quotes) { const gw = ` ${words(g.text).join(' ')} `;
    const p = an.quotes.find((q: any) => ` ${words(q.text).join(' ')} `.includes(gw) || gw.includes(` ${words(q.text).join(' ')} `));
    if (!p) continue; if (sameSpeaker(g.speaker, p.speaker)) continue;
    const i = text.indexOf(g.text.slice(0,30));
    console.log(`${lab.id.slice(0,8)} gold=${g.speaker} got=${p.speaker} (${(p as any).cue})\n   ${text.slice(Math.max(0,i-250), i+g.text.length+150).replace(/\n/g,' / ')}\n`);
  }}
