// Compressed text for the local twin of CloudFront (which compresses at the edge, `compress: true`):
// brotli or gzip as the client accepts, each file version compressed once and kept in memory.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Text types worth compressing; images and fonts are compressed already. */
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt', '.map', '.xml']);
/** CloudFront compresses objects from 1,000 bytes; below that the headers outweigh the saving. */
export const MIN_COMPRESS_BYTES = 1000;

export const isCompressible = (file: string) => TEXT.has(extname(file).toLowerCase());

/** The encoding to answer with for an Accept-Encoding header: brotli before gzip, nothing a q=0 refuses. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (enc: Encoding) => (q.has(enc) ? q.get(enc)! : q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const cache = new Map<string, Promise<Buffer>>();
const MAX_ENTRIES = 2000; // a build is about a hundred files; a long-running server rebuilding often drops the oldest

/** The file compressed with `encoding`; `version` (mtime and size) keys the cache so a rebuilt file is compressed anew. */
export function compressedFile(file: string, version: string, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}\0${file}\0${version}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = readFile(file).then((raw) => (encoding === 'br'
      // Quality 5: within a few per cent of the maximum for these files at a twentieth of its time.
      ? brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : gz(raw, { level: 6 })));
    hit.catch(() => cache.delete(key));
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  return hit;
}
