// Request size: API Gateway's HTTP API accepts 10 MB, but a synchronous Lambda invocation carries at
// most 6 MB, so 6 MB is what a caller can really send. The local runtime and the middleware both
// enforce this one figure, and no route may declare more.
import { HttpError } from './errors.js';

export const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

const MB = 1024 * 1024;
const size = (bytes: number) => (bytes % MB === 0 ? `${bytes / MB} MB` : `${Math.round(bytes / 1024)} KB`);

/** 413 naming the limit in both languages; a file upload is told to split the file. */
export function requestTooLarge(limit: number, opts: { file?: boolean } = {}): HttpError {
  const s = size(limit);
  const message = opts.file
    ? `Berkas melebihi batas ${s}; bagi menjadi beberapa berkas dan impor satu per satu. / The file exceeds the ${s} limit; split it into smaller files and import them one at a time.`
    : `Permintaan melebihi batas ${s}. / The request body exceeds the ${s} limit.`;
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', message, [{ field: 'body', message: `At most ${limit} bytes` }]);
}
