import { lookupTag, splitTags } from '../briefing/briefing-form.js';
import { editDistance } from '../briefing/find-briefing.js';
import { BriefbotError } from '../errors.js';
import { offsetAt, parseTimeOfDay } from './slots.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const ALL_DAYS: readonly number[] = [0, 1, 2, 3, 4, 5, 6];
export const WEEKDAYS_ONLY: readonly number[] = [1, 2, 3, 4, 5];

/** Zones people type that Intl accepts but does not list among its canonical ones. */
const EXTRA_ZONES = ['UTC', 'Etc/UTC', 'GMT'];

let zoneIndex: Map<string, string> | undefined;

/** Every zone this runtime knows, keyed by lower case, valued by canonical spelling. */
function zones(): Map<string, string> {
  if (!zoneIndex) {
    zoneIndex = new Map();
    for (const z of [...Intl.supportedValuesOf('timeZone'), ...EXTRA_ZONES]) zoneIndex.set(z.toLowerCase(), z);
  }
  return zoneIndex;
}

/**
 * Zones for a time-zone menu as someone types: the zone they typed in full when it is one (even
 * one Node lists only under an older name, such as Asia/Kolkata), then the listed zones and UTC
 * that contain the typed text.
 */
export function zonesMatching(typed: string, limit: number): string[] {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, '_');
  let exact: string | undefined;
  try {
    exact = wanted ? parseTimeZone(typed) : undefined;
  } catch {
    exact = undefined;
  }
  const listed = [...zones().values()].filter((z) => z !== exact && z.toLowerCase().includes(wanted));
  return [...(exact ? [exact] : []), ...listed].slice(0, limit);
}

/** The closest known zones to a misspelt one, best first. */
export function suggestTimeZones(input: string, limit = 3): string[] {
  const wanted = input.toLowerCase().replace(/\s+/g, '_');
  const budget = Math.max(2, Math.floor(wanted.length / 4));
  const city = (z: string) => z.slice(z.lastIndexOf('/') + 1);
  return [...zones().entries()]
    .map(([lower, zone]) => ({ zone, d: Math.min(editDistance(lower, wanted, budget), editDistance(city(lower), city(wanted), budget) + 1) }))
    .filter((s) => s.d <= budget)
    .sort((a, b) => a.d - b.d || a.zone.localeCompare(b.zone))
    .slice(0, limit)
    .map((s) => s.zone);
}

// An IANA Area/Location name ("Asia/Kolkata", "America/Argentina/Buenos_Aires", "US/Eastern"):
// offsets ("+09:00") and bare abbreviations ("EST", a fixed UTC-5 with no summer time) are not.
const AREA_LOCATION = /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/;

/**
 * A zone Intl accepts but does not list. Node's ICU lists some zones only under their older
 * names (Asia/Calcutta, Europe/Kiev), so the current ones people type would otherwise be
 * refused. Kept as typed, or with each word capitalised when typed all in lower case.
 */
function zoneAlias(input: string): string | undefined {
  if (!AREA_LOCATION.test(input)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (resolved.toLowerCase() === input.toLowerCase()) return resolved;
  return input === input.toLowerCase() ? input.replace(/(^|[/_])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase()) : input;
}

/**
 * The canonical spelling of an IANA zone ("asia/seoul" → "Asia/Seoul"), or a BAD_TIME_ZONE
 * error that suggests the closest ones.
 */
export function parseTimeZone(input: string): string {
  const trimmed = input.trim();
  const etc = ETC_OFFSET.exec(trimmed);
  if (etc && Number(etc[2]) <= 14) {
    // POSIX signs: Etc/GMT+5 is five hours *behind* UTC, the opposite of what most people read in it.
    const hours = Number(etc[2]);
    const east = etc[1] === '-' ? hours : -hours;
    const means = `${hours} hour${hours === 1 ? '' : 's'} ${east > 0 ? 'ahead of' : 'behind'} UTC`;
    const fitting = zonesAtOffset(east * 60);
    const such = fitting.length ? `, such as ${fitting.join(' or ')}` : ' such as Europe/London or Asia/Seoul';
    throw new BriefbotError('BAD_TIME_ZONE', `${trimmed} is a fixed offset (${means}: these names reverse the sign), not a place's time zone, and it does not follow summer time. Use the zone of a place${such}.`);
  }
  const known = zones().get(trimmed.toLowerCase().replace(/\s+/g, '_'));
  if (known) return known;
  const alias = zoneAlias(trimmed.replace(/\s+/g, '_'));
  if (alias) return alias;
  const shown = trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
  // "EST" is a few letters from "GMT", a zone five hours away: name the zones it stands for instead.
  const abbreviated = ABBREVIATIONS[trimmed.toLowerCase()];
  if (abbreviated) {
    throw new BriefbotError('BAD_TIME_ZONE', `${shown} is an abbreviation, not a time zone: it does not say when summer time starts or ends. Use the zone of a place, such as ${abbreviated.join(' or ')}.`);
  }
  const offset = offsetMinutesOf(trimmed);
  if (offset !== undefined) {
    const fitting = zonesAtOffset(offset);
    const such = fitting.length ? `, such as ${fitting.join(' or ')}` : ' such as Europe/London or Asia/Seoul';
    throw new BriefbotError('BAD_TIME_ZONE', `${shown} is an offset, not a time zone: it does not follow summer time. Use the zone of a place${such}.`);
  }
  const near = suggestTimeZones(trimmed);
  const hint = near.length ? `; did you mean ${near.join(' or ')}?` : '. Use an IANA zone such as Europe/London or Asia/Seoul.';
  throw new BriefbotError('BAD_TIME_ZONE', `${shown} is not a time zone${hint}`);
}

/** IANA's fixed-offset zones with a sign (Etc/GMT+5, Etc/GMT-9); Etc/GMT, Etc/UTC and Etc/GMT+0 stay accepted. */
const ETC_OFFSET = /^etc\/gmt([+-])([1-9]\d?)$/i;

/** Common abbreviations and the zones of the places that use them, the most populous first. */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  est: ['America/New_York', 'America/Toronto'],
  edt: ['America/New_York', 'America/Toronto'],
  cst: ['America/Chicago', 'America/Mexico_City'],
  cdt: ['America/Chicago'],
  mst: ['America/Denver', 'America/Phoenix'],
  mdt: ['America/Denver'],
  pst: ['America/Los_Angeles', 'America/Vancouver'],
  pdt: ['America/Los_Angeles', 'America/Vancouver'],
  akst: ['America/Anchorage'],
  hst: ['Pacific/Honolulu'],
  bst: ['Europe/London'],
  wet: ['Europe/Lisbon'],
  cet: ['Europe/Paris', 'Europe/Berlin'],
  cest: ['Europe/Paris', 'Europe/Berlin'],
  eet: ['Europe/Athens', 'Europe/Helsinki'],
  eest: ['Europe/Athens', 'Europe/Helsinki'],
  msk: ['Europe/Moscow'],
  ist: ['Asia/Kolkata', 'Europe/Dublin'],
  pkt: ['Asia/Karachi'],
  sgt: ['Asia/Singapore'],
  hkt: ['Asia/Hong_Kong'],
  jst: ['Asia/Tokyo'],
  kst: ['Asia/Seoul'],
  awst: ['Australia/Perth'],
  aest: ['Australia/Sydney', 'Australia/Brisbane'],
  aedt: ['Australia/Sydney'],
  nzst: ['Pacific/Auckland'],
  nzdt: ['Pacific/Auckland'],
};

/** "+09:00", "UTC-5", "GMT+5:30" as minutes east of UTC; undefined when it is no offset. */
function offsetMinutesOf(text: string): number | undefined {
  const m = /^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? undefined : m[1] === '+' ? minutes : -minutes;
}

/** Zones of large places, in the order a suggestion names them when several share an offset. */
const WELL_KNOWN = [
  ...new Set([
    ...Object.values(ABBREVIATIONS).flat(),
    'Asia/Shanghai', 'Asia/Jakarta', 'Asia/Manila', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Dubai', 'Asia/Tehran', 'Asia/Kathmandu',
    'Europe/Istanbul', 'Africa/Lagos', 'Africa/Cairo', 'Africa/Johannesburg', 'Africa/Nairobi', 'America/Sao_Paulo',
    'America/Argentina/Buenos_Aires', 'America/Bogota', 'America/Lima', 'America/Caracas', 'America/Halifax', 'America/St_Johns',
    'Atlantic/Azores', 'Atlantic/Cape_Verde', 'Pacific/Guam', 'Pacific/Fiji', 'Pacific/Pago_Pago', 'Pacific/Kiritimati', 'Asia/Kabul',
  ]),
];

/** Up to two zones of large places that keep this offset for at least part of the year. */
function zonesAtOffset(minutes: number): string[] {
  // Mid-January and mid-July: standard and summer time on either side of the equator (fixed instants: no clock is read).
  const instants = [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)];
  const fits = (zone: string) => {
    try {
      return instants.some((at) => offsetAt(at, zone) === minutes * 60_000);
    } catch {
      return false;
    }
  };
  const out: string[] = [];
  for (const zone of WELL_KNOWN) {
    if (out.length === 2) break;
    const canonical = parseZoneQuietly(zone);
    if (canonical && fits(canonical) && !out.includes(canonical)) out.push(canonical);
  }
  return out;
}

/** A zone's spelling as this runtime accepts it (Asia/Kolkata may be listed as Asia/Calcutta), or undefined. */
function parseZoneQuietly(zone: string): string | undefined {
  return zones().get(zone.toLowerCase()) ?? zoneAlias(zone);
}

export function parseTime(input: string): number {
  const minute = parseTimeOfDay(input);
  if (minute === undefined) {
    const shown = input.length > 20 ? `${input.slice(0, 20)}…` : input;
    throw new BriefbotError('BAD_TIME', `${shown} is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 08:30 or 17:00.`);
  }
  return minute;
}

/** "daily", "weekdays", "weekends" or a list of day names ("mon,wed,fri") → sorted weekday numbers. */
export function parseDays(input: string): number[] {
  const text = input.trim().toLowerCase();
  if (text === '' || text === 'daily' || text === 'every-day' || text === 'everyday') return [...ALL_DAYS];
  if (text === 'weekdays') return [...WEEKDAYS_ONLY];
  if (text === 'weekends') return [0, 6];
  const out = new Set<number>();
  const full = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const i = full.findIndex((name, d) => word === WEEKDAYS[d] || word === name || word === `${name}s` || word === name.slice(0, 4));
    if (i === -1) {
      throw new BriefbotError('BAD_ARGUMENTS', `"${word.slice(0, 20)}" is not a day; use daily, weekdays, or day names like mon,wed,fri.`);
    }
    out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

/** How people read a days list back: "daily", "weekdays", "Mon, Wed, Fri". */
export function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'daily';
  if (sorted.join() === WEEKDAYS_ONLY.join()) return 'weekdays';
  if (sorted.join() === '0,6') return 'weekends';
  return sorted.map((d) => (WEEKDAYS[d] as string).replace(/^./, (c) => c.toUpperCase())).join(', ');
}

/** "tech, Asia ,tech" → ["tech", "asia"]. */
export function parseTags(input: string): string[] {
  // The rule of the add/edit forms: a tag may hold a space ("north korea") when commas separate them.
  const tags = [...new Set(splitTags(input).map(lookupTag).filter(Boolean))];
  // "tags ,,," would otherwise save a digest of every briefing, the opposite of what was asked.
  if (tags.length === 0 && input.trim() !== '') {
    throw new BriefbotError('BAD_ARGUMENTS', `"${input.trim().slice(0, 40)}" names no tag: write tags as words separated by commas, such as tags diplomacy,asia, or leave tags out for every briefing.`);
  }
  return tags;
}

/**
 * A channel as typed in a command: a Discord mention `<#123>`, a Slack mention `<#C123|name>`,
 * `#C123`, or a bare id. Undefined when it does not look like one.
 */
export function parseChannelMention(input: string): string | undefined {
  const text = input.trim();
  const mention = /^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(text);
  if (mention) return mention[1];
  // Without a mention, "#name" or an id (Slack's C0123ABCD, a Discord snowflake: letters and
  // digits); a plain word such as "wed" is far more often a stray piece of "days mon wed".
  const bare = /^#([A-Za-z0-9_-]{1,64})$/.exec(text) ?? /^((?=[A-Za-z0-9]*\d)[A-Za-z0-9]{1,64}|shell)$/.exec(text);
  return bare ? bare[1] : undefined;
}
