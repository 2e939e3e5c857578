// The local twin of CloudFront sends the dashboard's text compressed (brotli, else gzip) when the client
// accepts it, says so in Vary, keeps hashed assets cached for a year, and never compresses what it should not.
import http from 'node:http';
import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../../../infra/local/compress.js';
import type { Signer } from '../../../infra/local/auth.js';
import { createLocalServer } from '../../../infra/local/server.js';

const dir = mkdtempSync(join(tmpdir(), 'kinerja-static-'));
const js = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `kata-${i % 37}`))};\n`;
const html = `<!doctype html><html lang="id"><head><title>Kinerja ASN</title></head><body><div id="app"></div>${'<!-- shell -->'.repeat(100)}</body></html>`;
let server: http.Server;
let port = 0;

beforeAll(async () => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), js);
  writeFileSync(join(dir, 'assets', 'tiny-abc123.css'), 'a{color:red}');
  writeFileSync(join(dir, 'assets', 'logo-abc123.png'), Buffer.alloc(4000, 7));
  server = createLocalServer({ signer: { issuer: 'http://127.0.0.1/oidc', audience: 'kinerja-web' } as Signer, webDir: dir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A raw GET (fetch would ask for and undo the compression itself). */
function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('local static server compression', () => {
  it('sends brotli to a browser (gzip, deflate, br), the same bytes once decoded, cached a year under /assets/', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(js.length / 3);
    expect(brotliDecompressSync(res.body).toString()).toBe(js);
  });

  it('sends gzip when brotli is not accepted or refused with q=0', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8', 'deflate, gzip']) {
      const res = await get('/assets/index-abc123.js', accept);
      expect(res.headers['content-encoding'], accept).toBe('gzip');
      expect(gunzipSync(res.body).toString()).toBe(js);
    }
  });

  it('sends the plain file, still with Vary, to a client that accepts no compression', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, br;q=0', '*;q=0']) {
      const res = await get('/assets/index-abc123.js', accept);
      expect(res.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.body.toString()).toBe(js);
    }
  });

  it('compresses the SPA fallback (index.html for a public page) and keeps it uncached', async () => {
    const res = await get('/survei/serang/dinkes-u1', 'gzip, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.body).toString()).toBe(html);
  });

  it('leaves images and files under 1,000 bytes alone, as CloudFront does', async () => {
    const png = await get('/assets/logo-abc123.png', 'gzip, br');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.body.length).toBe(4000);
    const tiny = await get('/assets/tiny-abc123.css', 'gzip, br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('a{color:red}');
  });

  it('compresses a rebuilt file anew, not the cached old version', async () => {
    const before = await get('/index.html', 'br');
    expect(brotliDecompressSync(before.body).toString()).toBe(html);
    const rebuilt = html.replace('Kinerja ASN', 'Kinerja ASN (baru)');
    writeFileSync(join(dir, 'index.html'), rebuilt);
    utimesSync(join(dir, 'index.html'), new Date(), new Date(Date.now() + 5000));
    const after = await get('/index.html', 'br');
    expect(brotliDecompressSync(after.body).toString()).toBe(rebuilt);
  });
});

describe('negotiateEncoding', () => {
  it('prefers brotli, honours q-values and the wildcard', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('br;q=0.1, gzip;q=1')).toBe('br'); // any accepted brotli is smaller than gzip
    expect(negotiateEncoding('BR;Q=0, GZIP')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0.5, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});
