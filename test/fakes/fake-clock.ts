import type { Clock } from '../../src/ports/clock.js';

/** A clock the test moves by hand; replicas under test can share one. */
export class FakeClock implements Clock {
  constructor(public ms: number = Date.parse('2026-11-29T10:00:00.000Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string | number): void {
    this.ms = typeof iso === 'number' ? iso : Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
