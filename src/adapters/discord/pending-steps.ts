import { z } from 'zod';
import type { Briefing } from '../../core/briefing/briefing.js';
import type { Args } from '../../core/commands/command-data.js';
import type { Attachment } from '../../ports/command.js';
import type { PendingSubmissionStore } from '../../ports/pending-submissions.js';

/** An interaction token lives 15 minutes: past that, a preview could not be edited anyway. */
export const PENDING_TTL_MS = 15 * 60_000;

/**
 * A moderator's add/edit between two interactions: the form opened (waiting for its submission),
 * or the preview shown (waiting for Confirm). Kept in the PendingSubmissionStore, so whichever
 * replica receives the next interaction finds it.
 */
export type PendingStep =
  | { step: 'form'; key: string; args: Args; base?: Briefing }
  | { step: 'preview'; key: string; args: Args; attachment: Attachment };

export type TakenStep = { status: 'taken'; step: PendingStep } | { status: 'not-owner' } | { status: 'missing' };

const args = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const briefing = z.custom<Briefing>((v) => {
  const b = v as Partial<Briefing> | null;
  return typeof b === 'object' && b !== null && typeof b.slug === 'string' && typeof b.title === 'string' && typeof b.body === 'string' && Array.isArray(b.tags) && Array.isArray(b.participants);
});
const stored = z.discriminatedUnion('step', [
  z.object({ step: z.literal('form'), key: z.string(), args, base: briefing.optional() }),
  z.object({ step: z.literal('preview'), key: z.string(), args, file: z.object({ name: z.string(), base64: z.string() }) }),
]);

function encode(p: PendingStep): string {
  if (p.step === 'form') return JSON.stringify(p);
  const { attachment, ...rest } = p;
  return JSON.stringify({ ...rest, file: { name: attachment.name, base64: Buffer.from(attachment.content).toString('base64') } });
}

function decode(payload: string): PendingStep | undefined {
  let parsed;
  try {
    parsed = stored.safeParse(JSON.parse(payload));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const p = parsed.data;
  if (p.step === 'form') return { step: 'form', key: p.key, args: p.args, ...(p.base && { base: p.base }) };
  return { step: 'preview', key: p.key, args: p.args, attachment: { name: p.file.name, content: new Uint8Array(Buffer.from(p.file.base64, 'base64')) } };
}

/** The Discord side of the pending store: steps as JSON, owned by a Discord user. */
export class PendingSteps {
  constructor(
    private readonly store: PendingSubmissionStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps a step for `userId`; the id goes in the form's or the Confirm button's custom_id. */
  keep(userId: string, step: PendingStep): Promise<string> {
    return this.store.put({ owner: ownerOf(userId), payload: encode(step), expiresAt: new Date(this.now() + PENDING_TTL_MS) });
  }

  /** Takes the step, once, if `userId` made it and it has not expired. */
  async take(id: string, userId: string): Promise<TakenStep> {
    const taken = await this.store.take(id, ownerOf(userId));
    if (taken.status !== 'taken') return taken;
    const step = decode(taken.payload);
    return step ? { status: 'taken', step } : { status: 'missing' };
  }
}

const ownerOf = (userId: string) => `discord:${userId}`;
