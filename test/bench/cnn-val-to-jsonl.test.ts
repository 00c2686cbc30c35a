import { describe, expect, it } from 'vitest';
import { csvToEvalArticles, parseCsv } from '../../bench/cnn-val-to-jsonl.js';

describe('bench/cnn-val-to-jsonl', () => {
  it('GIVEN quoted fields with commas, newlines and doubled quotes THEN each record keeps them whole', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line one\nline two"\nplain,last')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line one\nline two'],
      ['plain', 'last'],
    ]);
  });

  it('GIVEN the CSV columns in any order THEN rows become eval articles with highlights as the reference', () => {
    const csv = 'id,article,highlights\n42,"(CNN)Floods hit the town, officials said.","Floods hit town .\nHomes evacuated ."\n';
    expect(csvToEvalArticles(csv)).toEqual([
      { id: '42', url: '', article: '(CNN)Floods hit the town, officials said.', reference: 'Floods hit town .\nHomes evacuated .', systems: {} },
    ]);
  });

  it('GIVEN a CSV without a highlights column THEN it says which column is missing', () => {
    expect(() => csvToEvalArticles('id,article\n1,text\n')).toThrow(/"highlights"/);
  });
});
