import { REST, type RequestData, type RESTOptions, type RouteLike } from 'discord.js';

/** Where the first answer to one HTTP-delivered interaction goes: its HTTP response. */
export type AnswerSink = (body: unknown) => Promise<void>;

const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback$/;

/**
 * discord.js's REST client, except that the initial callback of an interaction that came over
 * HTTP is written as that request's response body (Discord expects it there) instead of being
 * POSTed. Everything else (webhook edits and follow-ups after a deferral, channel posts) goes to
 * the API as usual. This is what lets the gateway adapter's interaction handler serve HTTP
 * interactions unchanged.
 */
export class InteractionRest extends REST {
  private readonly sinks = new Map<string, AnswerSink>();

  constructor(options: Partial<RESTOptions>) {
    super(options);
  }

  /** The next callback for this interaction goes to `sink`; returns a function that cancels it. */
  expect(interactionId: string, sink: AnswerSink): () => void {
    this.sinks.set(interactionId, sink);
    return () => {
      if (this.sinks.get(interactionId) === sink) this.sinks.delete(interactionId);
    };
  }

  override async post(fullRoute: RouteLike, options: RequestData = {}): Promise<unknown> {
    const id = CALLBACK.exec(fullRoute)?.[1];
    const sink = id === undefined ? undefined : this.sinks.get(id);
    if (id === undefined || !sink) return super.post(fullRoute, options);
    this.sinks.delete(id);
    if (options.files?.length) throw new Error('an interaction answered over HTTP cannot carry files in its first response');
    await sink(options.body);
    return undefined;
  }
}
