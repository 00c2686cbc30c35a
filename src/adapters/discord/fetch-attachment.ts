const DISCORD_FILE_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

/**
 * Downloads an uploaded briefing, only from Discord's file hosts (or the configured API's host,
 * for tests), refusing more than `maxBytes`. Shared by the gateway and HTTP-interactions adapters.
 */
export async function fetchAttachment(url: string, maxBytes: number, apiUrl?: string): Promise<Uint8Array> {
  const target = new URL(url);
  const apiHost = apiUrl ? new URL(apiUrl).host : undefined;
  if (!DISCORD_FILE_HOSTS.has(target.host) && target.host !== apiHost) throw new Error(`refusing to download an attachment from ${target.host}`);
  const response = await fetch(target, { signal: AbortSignal.timeout(15_000), redirect: 'error' });
  if (!response.ok || !response.body) throw new Error(`attachment download failed with HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error('attachment larger than announced');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
