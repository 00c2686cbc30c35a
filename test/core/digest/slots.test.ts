import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DigestSchedule,
  formatLocal,
  latestSlotAtOrBefore,
  localToInstant,
  nextSlotAfter,
  parseTimeOfDay,
  slotsBetween,
  wallTimeAt,
} from '../../../src/core/digest/slots.js';

const daily = (time: string, timeZone: string): DigestSchedule => ({ minuteOfDay: parseTimeOfDay(time) as number, timeZone, days: [0, 1, 2, 3, 4, 5, 6] });
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const at = (s: string) => Date.parse(s);

describe('localToInstant', () => {
  it('GIVEN an ordinary day THEN the local time maps to the zone offset of that day', () => {
    expect(iso(localToInstant({ year: 2026, month: 1, day: 15 }, 8 * 60, 'America/New_York'))).toBe('2026-01-15T13:00:00.000Z');
    expect(iso(localToInstant({ year: 2026, month: 7, day: 15 }, 8 * 60, 'America/New_York'))).toBe('2026-07-15T12:00:00.000Z');
    expect(iso(localToInstant({ year: 2026, month: 7, day: 15 }, 8 * 60, 'Asia/Seoul'))).toBe('2026-07-14T23:00:00.000Z');
  });

  it.each([
    ['America/New_York', { year: 2026, month: 3, day: 8 }, '02:30', '2026-03-08T07:00:00.000Z'],
    ['Europe/London', { year: 2026, month: 3, day: 29 }, '01:30', '2026-03-29T01:00:00.000Z'],
    ['Australia/Sydney', { year: 2026, month: 10, day: 4 }, '02:30', '2026-10-03T16:00:00.000Z'],
  ])('GIVEN %s on its spring-forward day AND a time inside the gap THEN it runs at the first valid time, the end of the gap', (zone, date, time, expected) => {
    const instant = localToInstant(date, parseTimeOfDay(time) as number, zone);
    expect(iso(instant)).toBe(expected);
    const wall = wallTimeAt(instant, zone);
    expect(wall.minute).toBe(0);
  });

  it.each([
    ['America/New_York', { year: 2026, month: 11, day: 1 }, '01:30', '2026-11-01T05:30:00.000Z'],
    ['Europe/London', { year: 2026, month: 10, day: 25 }, '01:30', '2026-10-25T00:30:00.000Z'],
    ['Australia/Sydney', { year: 2026, month: 4, day: 5 }, '02:30', '2026-04-04T15:30:00.000Z'],
  ])('GIVEN %s on its fall-back day AND a time that happens twice THEN it is the first occurrence', (zone, date, time, expected) => {
    expect(iso(localToInstant(date, parseTimeOfDay(time) as number, zone))).toBe(expected);
  });
});

describe('slotsBetween', () => {
  it('GIVEN a fall-back day in New York THEN 01:30 runs once that day, not twice', () => {
    const slots = slotsBetween(daily('01:30', 'America/New_York'), at('2026-10-31T12:00:00Z'), at('2026-11-02T12:00:00Z'));
    expect(slots.map(iso)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  it('GIVEN a spring-forward day in New York THEN 02:30 still runs that day, at 03:00', () => {
    const slots = slotsBetween(daily('02:30', 'America/New_York'), at('2026-03-07T00:00:00Z'), at('2026-03-09T23:00:00Z'));
    expect(slots.map(iso)).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('GIVEN Nuuk, whose clocks skip from 23:00 on the last Saturday of March to midnight, AND a digest at 23:30 THEN Saturday\'s runs on Saturday, before the change, not at midnight', () => {
    const slots = slotsBetween(daily('23:30', 'America/Nuuk'), at('2026-03-27T12:00:00Z'), at('2026-03-31T12:00:00Z'));
    expect(slots.map((s) => formatLocal(s, 'America/Nuuk'))).toEqual([
      'Fri 27 Mar 2026, 23:30 (America/Nuuk)',
      'Sat 28 Mar 2026, 22:59 (America/Nuuk)',
      'Sun 29 Mar 2026, 23:30 (America/Nuuk)',
      'Mon 30 Mar 2026, 23:30 (America/Nuuk)',
    ]);
    const saturdays: DigestSchedule = { minuteOfDay: parseTimeOfDay('23:00') as number, timeZone: 'America/Nuuk', days: [6] };
    expect(formatLocal(nextSlotAfter(saturdays, at('2026-03-25T00:00:00Z')) as number, 'America/Nuuk')).toBe('Sat 28 Mar 2026, 22:59 (America/Nuuk)');
  });

  it('GIVEN Nuuk on the last Saturday of October AND 23:30, which happens twice THEN it runs once, at the first', () => {
    const slots = slotsBetween(daily('23:30', 'America/Nuuk'), at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'));
    expect(slots.map(iso)).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('GIVEN weekdays only THEN Saturday and Sunday have no slot', () => {
    const schedule: DigestSchedule = { minuteOfDay: 9 * 60, timeZone: 'Europe/London', days: [1, 2, 3, 4, 5] };
    // 2026-03-06 is a Friday.
    const slots = slotsBetween(schedule, at('2026-03-06T00:00:00Z'), at('2026-03-10T00:00:00Z'));
    expect(slots.map(iso)).toEqual(['2026-03-06T09:00:00.000Z', '2026-03-09T09:00:00.000Z']);
  });

  it('GIVEN any of four zones, a time and a 40-day window THEN there is exactly one slot per scheduled local date, strictly increasing, at the asked local time unless it falls in a gap', () => {
    // Nuuk changes at 23:00 local, Santiago and Havana at midnight: gaps and overlaps at a day's edge.
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Seoul', 'America/Nuuk', 'America/Santiago', 'America/Havana'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-01T00:00:00Z') }),
        (zone, minuteOfDay, from) => {
          const schedule: DigestSchedule = { minuteOfDay, timeZone: zone, days: [0, 1, 2, 3, 4, 5, 6] };
          const to = from + 40 * 86_400_000;
          const slots = slotsBetween(schedule, from, to);
          const dates = slots.map((s) => {
            const w = wallTimeAt(s, zone);
            return `${w.year}-${w.month}-${w.day}`;
          });
          expect(new Set(dates).size).toBe(slots.length);
          expect(slots.length).toBeGreaterThanOrEqual(39);
          expect(slots.length).toBeLessThanOrEqual(41);
          for (let i = 1; i < slots.length; i++) expect(slots[i] as number).toBeGreaterThan(slots[i - 1] as number);
          for (const s of slots) {
            const w = wallTimeAt(s, zone);
            const local = w.hour * 60 + w.minute;
            // Off the asked time only inside a gap, and then later by at most the gap (one hour here),
            // or, when the gap runs to midnight, in the last minute before it, on the same date.
            const next = wallTimeAt(s + 60_000, zone);
            if (local !== minuteOfDay && next.day !== w.day) {
              expect(local).toBeLessThan(minuteOfDay);
              expect(minuteOfDay - local).toBeLessThanOrEqual(60);
            } else if (local !== minuteOfDay) {
              expect(local).toBeGreaterThan(minuteOfDay);
              expect(local - minuteOfDay).toBeLessThanOrEqual(60);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('latestSlotAtOrBefore and nextSlotAfter', () => {
  it('GIVEN Seoul with no daylight saving THEN 08:00 is always 23:00 UTC the day before', () => {
    const s = daily('08:00', 'Asia/Seoul');
    expect(iso(latestSlotAtOrBefore(s, at('2026-03-08T22:59:00Z')))).toBe('2026-03-07T23:00:00.000Z');
    expect(iso(latestSlotAtOrBefore(s, at('2026-03-08T23:00:00Z')))).toBe('2026-03-08T23:00:00.000Z');
    expect(iso(nextSlotAfter(s, at('2026-03-08T23:00:00Z')))).toBe('2026-03-09T23:00:00.000Z');
  });

  it('GIVEN the instant right after a slot THEN the next slot is the following day', () => {
    const s = daily('09:15', 'Europe/London');
    const slot = latestSlotAtOrBefore(s, at('2026-06-01T12:00:00Z')) as number;
    expect(iso(slot)).toBe('2026-06-01T08:15:00.000Z');
    expect(iso(nextSlotAfter(s, slot))).toBe('2026-06-02T08:15:00.000Z');
  });
});
