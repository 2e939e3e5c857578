// The local runtime builds the dashboard when web/dist is missing or stale (infra/local/web-build.ts).
// Under vitest (NODE_ENV=test, which the browser tests' runtime inherits) that build came out in Vite's
// and Svelte's development mode: dev-only checks, component file names, a quarter more JS on the first
// screen, and `npm start` and CDK's deploy then took that web/dist as built. The build must be the
// production one whatever NODE_ENV says, and a dist it did not build so is built again.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../../../infra/local/web-build.js';

const out = mkdtempSync(join(tmpdir(), 'kinerja-web-build-'));
const saved = process.env.WEB_OUT_DIR;
const said: string[] = [];

beforeAll(() => {
  process.env.WEB_OUT_DIR = out;
  // What a development-mode build by an earlier run leaves: an index.html newer than every source.
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), '<!doctype html><script type="module" src="/assets/index-dev.js"></script>');
});
afterAll(() => {
  if (saved === undefined) delete process.env.WEB_OUT_DIR;
  else process.env.WEB_OUT_DIR = saved;
});

describe('ensureWebBuilt under NODE_ENV=test', () => {
  it('builds again a dist it did not build, in production mode, and leaves NODE_ENV as it was', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    await ensureWebBuilt((line) => said.push(line));
    expect(said.some((l) => l.startsWith('building the dashboard'))).toBe(true);
    expect(process.env.NODE_ENV).toBe('test');
    const scripts = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(10);
    // Svelte's dev mode tags every component with its file name (src/App.svelte, …); production does not.
    const tagged = scripts.filter((f) => /src\/[\w/]+\.svelte/.test(readFileSync(join(out, 'assets', f), 'utf8')));
    expect(tagged).toEqual([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('index-dev.js');
  }, 180_000);

  it('leaves a production build that is newer than the sources as it is', async () => {
    said.length = 0;
    await ensureWebBuilt((line) => said.push(line));
    expect(said).toEqual([]);
  });
});
