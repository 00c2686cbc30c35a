import { PassThrough } from 'node:stream';

/** A writable stream that keeps what is written to it: a CLI command's stdout or stderr in a test. */
export function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}
