import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../../src/core/analysis/bounded-memo.js';

describe('BoundedMemo', () => {
  it('GIVEN a key asked twice THEN the function runs once and both answers are the same', () => {
    const calls: string[] = [];
    const memo = new BoundedMemo<string, string>(10, (k) => {
      calls.push(k);
      return k.toUpperCase();
    });
    expect(memo.get('seoul')).toBe('SEOUL');
    expect(memo.get('seoul')).toBe('SEOUL');
    expect(calls).toEqual(['seoul']);
  });

  it('GIVEN more keys than its limit THEN it forgets everything and starts again, so it never holds more than the limit', () => {
    const calls: number[] = [];
    const memo = new BoundedMemo<number, number>(3, (k) => {
      calls.push(k);
      return k * 2;
    });
    for (const k of [1, 2, 3]) memo.get(k);
    memo.get(4); // full: emptied, then 4 is remembered
    memo.get(4);
    memo.get(1); // forgotten: computed again
    expect(calls).toEqual([1, 2, 3, 4, 1]);
  });

  it('GIVEN answers that are null or false THEN they are remembered too', () => {
    let calls = 0;
    const memo = new BoundedMemo<string, boolean | null>(10, (k) => {
      calls += 1;
      return k === 'x' ? null : false;
    });
    memo.get('x');
    memo.get('x');
    memo.get('y');
    memo.get('y');
    expect(calls).toBe(2);
  });
});
