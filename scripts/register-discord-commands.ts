#!/usr/bin/env node
/**
 * npm run discord:register: registers briefbot's slash commands with Discord, to DISCORD_GUILD_ID
 * when set (instant), otherwise globally. Run it after changing commands/, not at every start.
 */
import { existsSync } from 'node:fs';
import { registerDiscordCommands } from '../src/adapters/discord/register-commands.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { loadCommands } from '../src/dispatch/load-commands.js';

async function main(): Promise<number> {
  // Real environment variables win over .env, as for `npm start`.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (!config.discord) {
    process.stderr.write('Set DISCORD_TOKEN and DISCORD_APP_ID (and DISCORD_GUILD_ID for one server) to register the commands.\n');
    return 2;
  }
  const commands = await loadCommands();
  const result = await registerDiscordCommands(config.discord, [...commands.values()].map((c) => c.data));
  const where = result.scope === 'guild' ? `server ${config.discord.guildId}` : 'all servers (global commands can take up to an hour to appear)';
  process.stdout.write(`Registered ${result.names.length} commands for ${where}: ${result.names.map((n) => `/${n}`).join(', ')}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`discord:register failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
