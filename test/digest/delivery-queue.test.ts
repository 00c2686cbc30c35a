import { describe, expect, it } from 'vitest';
import { textReply } from '../../src/core/render/document.js';
import { DeliveryQueue, UNEXPECTED } from '../../src/digest/delivery-queue.js';
import { RateLimiter, type Timer } from '../../src/digest/rate-limiter.js';
import { ChannelGoneError, RateLimitedError, RefusedPostError, TransientDeliveryError } from '../../src/ports/delivery-errors.js';
import { silentLogger } from '../../src/ports/logger.js';
import { RecordingPlatform } from './fakes.js';

/** Virtual time: sleeping advances the clock at once, so rate-limit waits are measured, not waited. */
class VirtualTimer implements Timer {
  t = 0;
  slept: number[] = [];
  now() {
    return this.t;
  }
  async sleep(ms: number) {
    this.slept.push(ms);
    this.t += ms;
  }
}

const doc = textReply('digest');

describe('RateLimiter', () => {
  it('GIVEN 50 posts a second allowed THEN 200 posts take about 4 virtual seconds and no second ever holds more than 50', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 50 }, timer);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await limiter.acquire(`c${i}`);
      times.push(timer.now());
    }
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(50);
    // Paced at 20 ms with a small burst allowance: the 200th post goes out about 4 s after the first.
    expect(timer.now()).toBeGreaterThanOrEqual(3700);
    expect(timer.now()).toBeLessThan(4300);
  });

  it('GIVEN two live replicas THEN each takes half of the global rate', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 50 }, timer, () => 2);
    for (let i = 0; i < 100; i++) await limiter.acquire(`c${i}`);
    expect(timer.now()).toBeGreaterThanOrEqual(3000);
  });

  it('GIVEN the number of live replicas changes THEN this replica\'s rate follows: a third of the limit, then half, then all of it', async () => {
    const timer = new VirtualTimer();
    let replicas = 3;
    const limiter = new RateLimiter({ perSecond: 60 }, timer, () => replicas);
    const sentIn = async (ms: number) => {
      const until = timer.now() + ms;
      let n = 0;
      while (timer.now() < until) {
        await limiter.acquire(`c${n}`);
        if (timer.now() < until) n++;
      }
      return n;
    };
    await sentIn(2000);
    expect(await sentIn(3000)).toBeLessThanOrEqual(3 * 20 + 1);
    replicas = 2;
    await sentIn(2000);
    const half = await sentIn(3000);
    expect(half).toBeGreaterThanOrEqual(3 * 30 - 2);
    expect(half).toBeLessThanOrEqual(3 * 30 + 1);
    replicas = 1;
    await sentIn(2000);
    expect(await sentIn(3000)).toBeGreaterThanOrEqual(3 * 60 - 6);
  });

  it('GIVEN a send the platform refused with a 429 THEN it is refunded: the next send does not wait for it', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perSecond: 1 }, timer);
    const at = await limiter.acquire('a');
    limiter.refund(at);
    await limiter.acquire('b');
    expect(timer.now()).toBe(0);
    await limiter.acquire('c');
    expect(timer.now()).toBeGreaterThanOrEqual(1000);
  });

  it('GIVEN one message a second per channel THEN two posts to one channel are a second apart but other channels do not wait', async () => {
    const timer = new VirtualTimer();
    const limiter = new RateLimiter({ perChannelIntervalMs: 1000 }, timer);
    await limiter.acquire('a');
    await limiter.acquire('b');
    expect(timer.now()).toBe(0);
    await limiter.acquire('a');
    expect(timer.now()).toBe(1000);
  });
});

describe('DeliveryQueue', () => {
  it('GIVEN a 429 with Retry-After THEN the post is retried after that wait and the 429 does not count as an attempt', async () => {
    const timer = new VirtualTimer();
    const platform = new RecordingPlatform('discord');
    let answers = 0;
    platform.fail = () => (answers++ === 0 ? new RateLimitedError({ retryAfterMs: 1500, scope: 'global' }) : undefined);
    const queue = new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer });
    const result = await queue.deliver('discord', 'c1', doc);
    expect(result).toEqual({ ok: true, attempts: 1, rateLimited: 1 });
    expect(timer.now()).toBeGreaterThanOrEqual(1500);
    expect(platform.posts).toHaveLength(1);
  });

  it('GIVEN one post a second AND a 429 asking for 100 ms THEN the retry goes after 100 ms, not a second later', async () => {
    const timer = new VirtualTimer();
    const platform = new RecordingPlatform('discord');
    let answers = 0;
    platform.fail = () => (answers++ === 0 ? new RateLimitedError({ retryAfterMs: 100, scope: 'global' }) : undefined);
    const queue = new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer, policies: { discord: { perSecond: 1 } } });
    expect(await queue.deliver('discord', 'c1', doc)).toEqual({ ok: true, attempts: 1, rateLimited: 1 });
    expect(timer.now()).toBeGreaterThanOrEqual(100);
    expect(timer.now()).toBeLessThan(1000);
  });

  it('GIVEN a global 429 THEN posts to other channels wait too', async () => {
    const timer = new VirtualTimer();
    const platform = new RecordingPlatform('discord');
    let first = true;
    platform.fail = () => {
      if (!first) return undefined;
      first = false;
      return new RateLimitedError({ retryAfterMs: 2000, scope: 'global' });
    };
    const queue = new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer });
    await queue.deliver('discord', 'c1', doc);
    const before = timer.now();
    await queue.deliver('discord', 'c2', doc);
    expect(before).toBeGreaterThanOrEqual(2000);
    expect(platform.posts.map((p) => p.channelId)).toEqual(['c1', 'c2']);
  });

  it('GIVEN 5xx answers THEN the post is retried with growing backoff, and gives up after the last attempt with the error recorded', async () => {
    const timer = new VirtualTimer();
    const platform = new RecordingPlatform('slack');
    platform.fail = () => new TransientDeliveryError('HTTP 503', { status: 503 });
    const queue = new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer, maxAttempts: 4, backoffMs: 1000 });
    const result = await queue.deliver('slack', 'C1', doc);
    expect(result).toMatchObject({ ok: false, attempts: 4, channelGone: false, error: 'HTTP 503' });
    const backoffs = timer.slept.filter((ms) => ms >= 500);
    expect(backoffs).toHaveLength(3);
    expect(backoffs[2]!).toBeGreaterThan(backoffs[0]!);
  });

  it('GIVEN a transient failure then success THEN the digest is delivered on the second attempt', async () => {
    const timer = new VirtualTimer();
    const platform = new RecordingPlatform('slack');
    let n = 0;
    platform.fail = () => (n++ === 0 ? new TransientDeliveryError('timeout') : undefined);
    const queue = new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer });
    expect(await queue.deliver('slack', 'C1', doc)).toEqual({ ok: true, attempts: 2, rateLimited: 0 });
  });

  it('GIVEN a channel that is gone THEN it is reported at once, never retried', async () => {
    const platform = new RecordingPlatform('slack');
    let calls = 0;
    platform.fail = (c) => {
      calls++;
      return new ChannelGoneError(c, 'channel_not_found');
    };
    const queue = new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer: new VirtualTimer() });
    expect(await queue.deliver('slack', 'C1', doc)).toMatchObject({ ok: false, channelGone: true, error: 'channel_not_found' });
    expect(calls).toBe(1);
  });

  it('GIVEN an unexpected error THEN it is recorded as a failure without retrying, and without its text, which the log keeps', async () => {
    const platform = new RecordingPlatform('slack');
    let calls = 0;
    platform.fail = () => {
      calls++;
      return new Error('connect ECONNREFUSED 10.0.0.5:443');
    };
    const queue = new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer: new VirtualTimer() });
    expect(await queue.deliver('slack', 'C1', doc)).toMatchObject({ ok: false, error: UNEXPECTED });
    expect(calls).toBe(1);
  });

  it("GIVEN the platform refuses the post (RefusedPostError) THEN it is recorded as a failure with what the platform said, without retrying", async () => {
    const platform = new RecordingPlatform('slack');
    let calls = 0;
    platform.fail = () => {
      calls++;
      return new RefusedPostError('Slack answered invalid_blocks');
    };
    const queue = new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer: new VirtualTimer() });
    expect(await queue.deliver('slack', 'C1', doc)).toMatchObject({ ok: false, error: 'Slack answered invalid_blocks' });
    expect(calls).toBe(1);
  });

  it('GIVEN a platform that is not connected THEN the delivery fails with a clear error', async () => {
    const queue = new DeliveryQueue({ platforms: [], logger: silentLogger });
    expect(await queue.deliver('discord', 'c', doc)).toMatchObject({ ok: false, error: 'discord is not connected' });
  });
});
