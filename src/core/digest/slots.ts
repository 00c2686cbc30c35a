/**
 * When a daily digest is due, as instants: pure functions of a schedule (local time of day, IANA
 * zone, weekdays) and a given instant, computed with Intl. No clock is read here.
 *
 * Daylight saving: a local time that does not exist on a day (inside the spring-forward gap)
 * runs at the first valid local time after the gap that day (02:30 in New York on the March
 * change runs at 03:00), or, when the gap runs to midnight (America/Nuuk changes at 23:00), in
 * the last minute before it (23:30 runs at 22:59 that Saturday, not at Sunday's midnight); a local time that happens twice (the fall-back overlap) runs once, at
 * its first occurrence. A slot is identified by its instant, and there is at most one per local
 * date, so "once" holds by construction.
 */

export interface DigestSchedule {
  /** Minutes after local midnight, 0..1439. */
  minuteOfDay: number;
  /** IANA zone, canonical spelling ("Asia/Seoul", "UTC"). */
  timeZone: string;
  /** Local weekdays the digest runs on, 0 = Sunday .. 6 = Saturday; all seven for daily. */
  days: readonly number[];
}

export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in a zone. */
export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal' && p.type !== 'dayPeriod' && p.type !== 'era') out[p.type] = Number(p.value);
  }
  return {
    year: out.year as number,
    month: out.month as number,
    day: out.day as number,
    // Some engines print midnight as 24 even with h23.
    hour: (out.hour as number) % 24,
    minute: out.minute as number,
    second: out.second as number,
  };
}

/** UTC offset of a zone at an instant, in milliseconds (east positive). */
export function offsetAt(instant: number, timeZone: string): number {
  const w = wallTimeAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function sameWall(instant: number, date: LocalDate, minuteOfDay: number, timeZone: string): boolean {
  const w = wallTimeAt(instant, timeZone);
  return w.year === date.year && w.month === date.month && w.day === date.day && w.hour * 60 + w.minute === minuteOfDay;
}

const instants = new Map<string, number>();
/** Distinct (zone, date, time) triples remembered; people pick few times, so this rarely fills. */
const MAX_REMEMBERED = 50_000;

/**
 * The instant a local date and time of day happen in a zone: the earlier one when the local time
 * happens twice, and the end of the gap when it does not happen at all.
 */
export function localToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  // Intl is slow (tens of microseconds a call) and 10,000 subscriptions are scanned every tick.
  const key = `${timeZone}|${date.year}-${date.month}-${date.day}|${minuteOfDay}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const instant = computeInstant(date, minuteOfDay, timeZone);
  if (instants.size >= MAX_REMEMBERED) instants.clear();
  instants.set(key, instant);
  return instant;
}

function computeInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  // Offsets a day either side cover any single transition near this date.
  const before = offsetAt(naive - DAY, timeZone);
  const after = offsetAt(naive + DAY, timeZone);
  const candidates = [...new Set([naive - before, naive - after])].sort((a, b) => a - b);
  for (const c of candidates) if (sameWall(c, date, minuteOfDay, timeZone)) return c;
  // Inside a gap: the transition lies between the two readings; find its first minute.
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  if (lo === hi) {
    // The day-either-side offsets agree but the wall time still does not exist (two transitions
    // within two days, a rare historical case): search the surrounding day.
    lo = naive - before - DAY / 2;
    hi = naive - before + DAY / 2;
  }
  const atLo = offsetAt(lo, timeZone);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (offsetAt(mid, timeZone) === atLo) lo = mid;
    else hi = mid;
  }
  // A gap that runs to midnight (Nuuk springs from 23:00 on a Saturday to Sunday 00:00) has no
  // valid time after it that day: the slot keeps its date and runs in the last minute before it.
  const end = wallTimeAt(hi, timeZone);
  if (end.year !== date.year || end.month !== date.month || end.day !== date.day) return lo;
  return hi;
}

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The slot on one local date, or undefined when the schedule does not run that weekday. */
export function slotOn(schedule: DigestSchedule, date: LocalDate): number | undefined {
  if (!schedule.days.includes(weekdayOf(date))) return undefined;
  return localToInstant(date, schedule.minuteOfDay, schedule.timeZone);
}

/** The latest slot at or before `instant`, or undefined when none in the last eight days. */
export function latestSlotAtOrBefore(schedule: DigestSchedule, instant: number): number | undefined {
  const today = wallTimeAt(instant, schedule.timeZone);
  for (let back = 0; back <= 8; back++) {
    const slot = slotOn(schedule, addDays(today, -back));
    if (slot !== undefined && slot <= instant) return slot;
  }
  return undefined;
}

/** The first slot strictly after `instant`. */
export function nextSlotAfter(schedule: DigestSchedule, instant: number): number | undefined {
  const today = wallTimeAt(instant, schedule.timeZone);
  for (let ahead = -1; ahead <= 8; ahead++) {
    const slot = slotOn(schedule, addDays(today, ahead));
    if (slot !== undefined && slot > instant) return slot;
  }
  return undefined;
}

/**
 * Every slot in (from, to], oldest first, at most `limit` of the newest (a bot down for months
 * must not record a year of skipped slots).
 */
export function slotsBetween(schedule: DigestSchedule, fromExclusive: number, toInclusive: number, limit = 64): number[] {
  const out: number[] = [];
  let cursor = toInclusive;
  while (out.length < limit) {
    const slot = latestSlotAtOrBefore(schedule, cursor);
    if (slot === undefined || slot <= fromExclusive) break;
    out.push(slot);
    cursor = slot - 1;
  }
  return out.reverse();
}

/** "08:00" → 480; undefined when it is not a 24-hour time. Accepts "8:00" and "0800". */
export function parseTimeOfDay(text: string): number | undefined {
  // NFKC: a Japanese or Chinese keyboard writes ０８：３０.
  const m = /^([01]?\d|2[0-3]):?([0-5]\d)$/.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatTimeOfDay(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** "Mon 9 Mar 2026, 08:00 (Europe/London)": an instant as the subscribers read it. */
export function formatLocal(instant: number, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][weekdayOf(w)];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][w.month - 1];
  return `${weekday} ${w.day} ${month} ${w.year}, ${formatTimeOfDay(w.hour * 60 + w.minute)} (${timeZone})`;
}
