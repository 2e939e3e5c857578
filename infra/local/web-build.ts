// Builds the dashboard when web/dist is missing or older than its sources, so `npm start` on a
// fresh clone serves it without a separate step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(webDir)) return;
  say('building the dashboard (web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  say('dashboard built');
}
