// Builds the dashboard when web/dist is missing or older than its sources, so `npm start` on a
// fresh clone serves it without a separate step.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_BUILD_STAMP } from '../web-build-stamp.js';
import { ROOT } from './lambda.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Where the dashboard is built and served from: web/dist, or WEB_OUT_DIR for a second runtime on one machine. */
export const webDistDir = () => process.env.WEB_OUT_DIR ?? join(ROOT, 'web', 'dist');

export async function ensureWebBuilt(say: (line: string) => void): Promise<void> {
  const webDir = join(ROOT, 'web');
  const index = join(webDistDir(), 'index.html');
  if (!existsSync(join(webDir, 'vite.config.ts'))) return;
  // A dist without the stamp (a development-mode build left by an older runtime, a copy from elsewhere) is built again.
  if (existsSync(index) && existsSync(join(webDistDir(), WEB_BUILD_STAMP)) && statSync(index).mtimeMs >= newestMtime(webDir)) return;
  say('building the dashboard (web/dist)…');
  const { build } = await import('vite');
  // Vite and Svelte build in development mode unless NODE_ENV is production or unset, and vitest sets it to
  // `test` (the browser tests' runtime inherits it): that build carried dev-only checks and every
  // component's file name, and npm start and the deploy took it as built. The build is always production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(webDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(join(webDistDir(), WEB_BUILD_STAMP), 'production\n');
  say('dashboard built');
}
