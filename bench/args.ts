import { resolve } from 'node:path';

/** The value after `flag` on the command line ("--labels x.jsonl" -> "x.jsonl"), if given. */
export function argValue(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** A path option, relative to where the command was run, or `fallback` when it is not given. */
export function pathArg(argv: readonly string[], flag: string, fallback: string): string {
  const given = argValue(argv, flag);
  return given ? resolve(process.cwd(), given) : fallback;
}
