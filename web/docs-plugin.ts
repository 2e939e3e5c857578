// Ships Swagger UI (swagger-ui-dist, a package in node_modules) with the dashboard build under /docs,
// so CloudFront and the local runtime serve the API page offline; web/public/docs holds the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const FILES = ['swagger-ui-bundle.js', 'swagger-ui.css'];

export function apiDocs(): Plugin {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return {
    name: 'kinerja-api-docs',
    apply: 'build',
    generateBundle() {
      for (const file of FILES) {
        // The source map comment points at a file the build does not ship: drop it (no 404 in the console).
        const source = readFileSync(join(dist, file), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$|\n?\/\*# sourceMappingURL=\S+?\s*\*\/\s*$/, '\n');
        this.emitFile({ type: 'asset', fileName: `docs/${file}`, source });
      }
    },
  };
}
