import { REST, Routes } from 'discord.js';
import type { CommandData } from '../../core/commands/command-data.js';
import { FORM_COMMANDS } from './briefing-form.js';
import { buildDiscordCommands } from './command-definitions.js';

export interface RegisterSettings {
  token: string;
  appId: string;
  /** Register to one server (instant) instead of globally (propagates in up to an hour). */
  guildId?: string;
  apiUrl?: string;
}

export interface RegisterResult {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Registers every command Discord serves with one bulk overwrite (PUT), so running it again with
 * the same commands changes nothing, and a command removed from commands/ disappears.
 */
export async function registerDiscordCommands(settings: RegisterSettings, commands: readonly CommandData[]): Promise<RegisterResult> {
  const served = commands.filter((c) => !c.platforms || c.platforms.includes('discord'));
  const { definitions } = buildDiscordCommands(served, { fileCommands: FORM_COMMANDS });
  const rest = new REST(settings.apiUrl ? { api: settings.apiUrl } : {}).setToken(settings.token);
  const route = settings.guildId ? Routes.applicationGuildCommands(settings.appId, settings.guildId) : Routes.applicationCommands(settings.appId);
  const registered = (await rest.put(route, { body: definitions })) as { name: string }[];
  return { scope: settings.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}
