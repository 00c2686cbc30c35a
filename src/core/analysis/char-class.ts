/**
 * Character classes tested by char code, for the loops that scan every character of a text
 * (a one-character string and a regex test per character cost more than the scan itself).
 * Each function is exactly the regex class its comment names, with the `u` flag: a surrogate
 * pair is one code point, as in `/\p{L}/u`.
 */

/** Exactly the characters of the regex class `\s`. */
export function isWhitespace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The code point at `i` (a surrogate pair read as one; a lone surrogate as itself). */
export function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? (text.codePointAt(i) ?? c) : c;
}

/** How many UTF-16 units the code point `cp` takes. */
export function widthOf(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

const LETTER = 1;
const NUMBER = 2;
const UPPER = 4;
const LOWER = 8;
const MARK = 16;
const LETTER_RE = /^\p{L}$/u;
const NUMBER_RE = /^\p{N}$/u;
const UPPER_RE = /^\p{Lu}$/u;
const LOWER_RE = /^\p{Ll}$/u;
const MARK_RE = /^\p{M}$/u;

// Class bits of each BMP code point, worked out on first sight (0 = not yet known): the regexes
// above run once per distinct character instead of once per occurrence.
const BMP_CLASS = new Uint8Array(0x10000);
const KNOWN = 128;
/** Astral code points seen so far (few texts have many), by the same bits. */
const ASTRAL_CLASS = new Map<number, number>();

function bitsOf(ch: string): number {
  return (
    (LETTER_RE.test(ch) ? LETTER : 0) |
    (NUMBER_RE.test(ch) ? NUMBER : 0) |
    (UPPER_RE.test(ch) ? UPPER : 0) |
    (LOWER_RE.test(ch) ? LOWER : 0) |
    (MARK_RE.test(ch) ? MARK : 0)
  );
}

for (let c = 0; c < 128; c++) BMP_CLASS[c] = KNOWN | bitsOf(String.fromCharCode(c));

/** The class bits of code point `cp`. */
function classOf(cp: number): number {
  if (cp > 0xffff) {
    let bits = ASTRAL_CLASS.get(cp);
    if (bits === undefined) {
      bits = bitsOf(String.fromCodePoint(cp));
      if (ASTRAL_CLASS.size >= 4096) ASTRAL_CLASS.clear();
      ASTRAL_CLASS.set(cp, bits);
    }
    return bits;
  }
  let bits = BMP_CLASS[cp]!;
  if (bits === 0) {
    bits = KNOWN | bitsOf(String.fromCharCode(cp));
    BMP_CLASS[cp] = bits;
  }
  return bits;
}

/** `\p{L}` */
export function isLetter(cp: number): boolean {
  return (classOf(cp) & LETTER) !== 0;
}

/** `\p{N}` */
export function isNumber(cp: number): boolean {
  return (classOf(cp) & NUMBER) !== 0;
}

/** `[\p{L}\p{N}]` */
export function isLetterOrNumber(cp: number): boolean {
  return (classOf(cp) & (LETTER | NUMBER)) !== 0;
}

/**
 * A word starts with a capital: an ASCII A-Z, or a character outside ASCII that lower-casing changes (so its first UTF-16
 * unit, as `w[0]` is, not its code point).
 */
export function isCapitalisedWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0]!.toLowerCase());
}

/** `\p{Lu}` */
export function isUpper(cp: number): boolean {
  return (classOf(cp) & UPPER) !== 0;
}

/** `\p{Ll}` */
export function isLower(cp: number): boolean {
  return (classOf(cp) & LOWER) !== 0;
}

/** `\p{M}` */
export function isMark(cp: number): boolean {
  return (classOf(cp) & MARK) !== 0;
}

/** `[\p{L}\p{M}]` */
export function isLetterOrMark(cp: number): boolean {
  return (classOf(cp) & (LETTER | MARK)) !== 0;
}
