/**
 * Character classes tested by char code, for the loops that scan every character of a text
 * (a one-character string and a regex test per character cost more than the scan itself).
 */

/** Exactly the characters of the regex class `\s`. */
export function isWhitespace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
