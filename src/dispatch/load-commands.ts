import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { commandKey } from '../core/commands/command-data.js';
import type { Command } from '../ports/command.js';

const optionSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
  description: z.string().min(1).max(100),
  type: z.enum(['string', 'integer', 'boolean']),
  required: z.boolean().optional(),
  choices: z.array(z.string().min(1)).max(25).optional(),
  rest: z.boolean().optional(),
  keyword: z.string().regex(/^[a-z]+$/).optional(),
  namesCommand: z.boolean().optional(),
  namesChannel: z.boolean().optional(),
  autocomplete: z.enum(['briefing', 'removed-briefing', 'time-zone']).optional(),
  maxLength: z.number().int().positive().max(6000).optional(),
  minValue: z.number().int().optional(),
  maxValue: z.number().int().optional(),
});

const commandSchema = z.object({
  data: z.strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
    subcommand: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/).optional(),
    // Discord allows 100 characters for a description.
    description: z.string().min(1).max(100),
    options: z.array(optionSchema).max(25),
    permission: z.enum(['everyone', 'moderator']),
    platforms: z.array(z.enum(['shell', 'discord', 'slack'])).optional(),
  }),
  execute: z.custom<Command['execute']>((v) => typeof v === 'function', 'execute must be a function'),
});

export class CommandLoadError extends Error {
  override readonly name = 'CommandLoadError';
}

/** The folder that holds the command files, next to src/ both in the sources and in dist/. */
export function defaultCommandsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'commands');
}

/**
 * Imports every command file in a folder, checks each default export against the schema and
 * returns them by key ("briefing list"). A malformed or duplicate command fails start-up loudly.
 */
export async function loadCommands(dir = defaultCommandsDir()): Promise<Map<string, Command>> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    const parsed = commandSchema.safeParse(mod.default);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'export'}: ${i.message}`).join('; ');
      throw new CommandLoadError(`${file} does not export a valid command: ${problems}`);
    }
    const command = mod.default as Command;
    const key = commandKey(command.data);
    if (commands.has(key)) throw new CommandLoadError(`${file} declares /${key}, which another file already declares`);
    commands.set(key, command);
  }
  return commands;
}
