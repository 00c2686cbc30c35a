import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../../src/adapters/slack/slack-platform.js';
import { loadCommands } from '../../../src/dispatch/load-commands.js';

interface Manifest {
  features: { slash_commands: { command: string; url: string; should_escape?: boolean }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string } };
}

const manifest = parse(readFileSync(new URL('../../../slack/manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('slack/manifest.yml', () => {
  it('GIVEN the manifest THEN each slash command is a command family briefbot serves on Slack, with /briefing among them', async () => {
    const families = new Set([...(await loadCommands()).values()].filter((c) => !c.data.platforms || c.data.platforms.includes('slack')).map((c) => `/${c.data.name}`));
    const commands = manifest.features.slash_commands.map((c) => c.command);
    expect(commands).toContain('/briefing');
    for (const c of commands) expect(families.has(c)).toBe(true);
  });

  it('GIVEN the manifest THEN commands and interactivity reach the events path, and mentions arrive as ids', () => {
    for (const c of manifest.features.slash_commands) {
      expect(new URL(c.url).pathname).toBe(SLACK_EVENTS_PATH);
      expect(c.should_escape).toBe(true);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(new URL(manifest.settings.interactivity.message_menu_options_url).pathname).toBe(SLACK_EVENTS_PATH);
  });

  it('GIVEN the Web API methods the adapter calls THEN the manifest grants their scopes', () => {
    // commands: slash commands; chat:write: chat.postMessage; users:read: users.info (moderators).
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read']));
  });
});
