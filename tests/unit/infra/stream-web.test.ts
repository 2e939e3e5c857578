// The bundles' stand-in for node:stream/web (functions/http/stream-web.ts): @middy/core asks only whether a
// streamed handler's body is a ReadableStream, and the stand-in must answer as the real class does.
import { Readable } from 'node:stream';
import { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import { ReadableStream } from '../../../functions/http/stream-web.js';

describe('stream-web stand-in', () => {
  it('answers instanceof as node\'s ReadableStream does', () => {
    const web = new NodeReadableStream({ start: (c) => c.close() });
    expect(web instanceof ReadableStream).toBe(true);
    expect(Readable.toWeb(Readable.from(['x'])) instanceof ReadableStream).toBe(true);
    for (const other of [Readable.from(['x']), 'body', {}, null, undefined, new Uint8Array(1)]) expect(other instanceof (ReadableStream as unknown as typeof NodeReadableStream)).toBe(false);
  });
});
