import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../../src/core/limits/rate-limiter.js';

describe('SlidingWindowLimiter', () => {
  it('GIVEN 10 commands in 10 s THEN the 11th is refused until the first leaves the window', () => {
    const limiter = new SlidingWindowLimiter(10, 10_000);
    for (let i = 0; i < 10; i++) expect(limiter.tryTake('ann', i * 100)).toBe(true);
    expect(limiter.tryTake('ann', 5_000)).toBe(false);
    expect(limiter.tryTake('bob', 5_000)).toBe(true);
    expect(limiter.tryTake('ann', 10_001)).toBe(true);
  });

  it('GIVEN a limit of 0 THEN nothing is limited', () => {
    const limiter = new SlidingWindowLimiter(0, 1000);
    for (let i = 0; i < 100; i++) expect(limiter.tryTake('ann', 0)).toBe(true);
  });
});
