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
const LETTER_RE = /^\p{L}$/u;
const NUMBER_RE = /^\p{N}$/u;

// Class bits of each BMP code point, worked out on first sight (0 = not yet known): the regexes
// above run once per distinct character instead of once per occurrence.
const BMP_CLASS = new Uint8Array(0x10000);
const KNOWN = 4;

function classOf(cp: number): number {
  if (cp < 128) {
    if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return LETTER;
    return cp >= 48 && cp <= 57 ? NUMBER : 0;
  }
  if (cp > 0xffff) {
    const ch = String.fromCodePoint(cp);
    return (LETTER_RE.test(ch) ? LETTER : 0) | (NUMBER_RE.test(ch) ? NUMBER : 0);
  }
  let bits = BMP_CLASS[cp]!;
  if (bits === 0) {
    const ch = String.fromCharCode(cp);
    bits = KNOWN | (LETTER_RE.test(ch) ? LETTER : 0) | (NUMBER_RE.test(ch) ? NUMBER : 0);
    BMP_CLASS[cp] = bits;
  }
  return bits & (LETTER | NUMBER);
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
  if (cp < 128) return ASCII_ALNUM[cp] === 1;
  return classOf(cp) !== 0;
}

const ASCII_ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_ALNUM[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
