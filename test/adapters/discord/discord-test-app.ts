import type { Analysis } from '../../../src/core/analysis/types.js';
import type { Briefing } from '../../../src/core/briefing/briefing.js';
import { DiscordPlatform } from '../../../src/adapters/discord/discord-platform.js';
import { DeliveryQueue } from '../../../src/digest/delivery-queue.js';
import { DigestScheduler } from '../../../src/digest/digest-scheduler.js';
import { DigestService } from '../../../src/digest/digest-service.js';
import { MemoryDigestStore } from '../../../src/digest/memory-digest-store.js';
import { Dispatcher } from '../../../src/dispatch/dispatcher.js';
import { loadCommands } from '../../../src/dispatch/load-commands.js';
import { Library } from '../../../src/library/library.js';
import { MergedBriefingSource } from '../../../src/library/merged-source.js';
import { ModerationService } from '../../../src/library/moderation-service.js';
import type { Command } from '../../../src/ports/command.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { FAKE_ROLE_ID, FakeDiscord } from '../../fakes/fake-discord.js';
import { MemoryBriefingStore } from '../../fakes/memory-briefing-store.js';
import { fakeAnalysis, MemorySource } from '../../fakes/memory-library.js';

export const MOD_ROLE = FAKE_ROLE_ID;

export interface DiscordTestApp {
  fake: FakeDiscord;
  platform: DiscordPlatform;
  library: Library;
  files: MemorySource;
  digestStore: MemoryDigestStore;
  moderation: ModerationService;
  stop(): Promise<void>;
}

/**
 * The real command files, library and moderation service (on the in-memory store) behind the
 * real discord.js client, talking to the fake Discord on loopback.
 */
export async function startDiscordTestApp(options: {
  briefings: (Partial<Briefing> & { slug: string })[];
  analysis?: (slug: string) => Analysis;
  extraCommands?: Command[];
  deferAfterMs?: number;
}): Promise<DiscordTestApp> {
  const fake = new FakeDiscord();
  await fake.start();
  const files = new MemorySource();
  for (const b of options.briefings) files.add(b);
  const store = new MemoryBriefingStore();
  const analysisOf = options.analysis ?? (() => fakeAnalysis());
  const library = new Library({
    source: new MergedBriefingSource(store, files),
    analyze: (input) => analysisOf(input.title ?? ''),
    cacheKey: (input) => `${input.title}\u0000${input.text}`,
    logger: silentLogger,
    recheckMs: 0,
  });
  const moderation = new ModerationService({
    store,
    files,
    clock: { now: () => new Date() },
    maxBodyBytes: 200 * 1024,
    onChange: () => library.invalidate(),
  });
  const commands = await loadCommands();
  for (const c of options.extraCommands ?? []) commands.set(c.data.subcommand ? `${c.data.name} ${c.data.subcommand}` : c.data.name, c);
  const clock = { now: () => new Date() };
  // Digests, for the commands that name a channel: nothing is ever delivered (no platform in the queue).
  const digestStore = new MemoryDigestStore();
  const scheduler = new DigestScheduler({ store: digestStore, queue: new DeliveryQueue({ platforms: [], logger: silentLogger }), library, clock, logger: silentLogger, catchupHours: 6 });
  const digests = new DigestService({ store: digestStore, scheduler, library, clock });
  const dispatcher = new Dispatcher({ commands, library, clock, logger: silentLogger, services: { moderation, digests } });
  const platform = new DiscordPlatform({
    token: 'fake-bot-token',
    moderation,
    apiUrl: fake.apiUrl,
    moderatorRoleId: MOD_ROLE,
    dispatcher,
    library,
    logger: silentLogger,
    maxBriefingBytes: 200 * 1024,
    // Far above any test's answer time, so that only the deferral tests see deferred replies, however loaded the machine.
    deferAfterMs: options.deferAfterMs ?? 10_000,
    readyTimeoutMs: 10_000,
  });
  await platform.start();
  return {
    fake,
    platform,
    library,
    files,
    digestStore,
    moderation,
    async stop() {
      await platform.stop();
      await fake.stop();
    },
  };
}
