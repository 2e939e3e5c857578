// The hostile-body generator (tests/integration/security/hostile-bodies.ts) must only make bodies the
// handler's own schema refuses: checked here against every documented body, without a server. (The
// integration test then sends them and expects a clean 4xx and nothing written.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonSchema } from '../../../functions/contract/document.js';
import { CONTRACT } from '../../../functions/contract/index.js';
import { brokenField } from '../../integration/security/hostile-bodies.js';

const BODY_LIMIT = 64 * 1024;
const bodies = Object.entries(CONTRACT).filter(([, op]) => op.body && !op.body.contentType);

describe.each(bodies.map(([k]) => k))('%s', (key) => {
  it('every broken-field body is refused by the schema the handler validates with', () => {
    const { schema, example } = CONTRACT[key]!.body!;
    fc.assert(fc.property(brokenField(jsonSchema(schema, 'input'), example as Record<string, unknown>), (text) => {
      if (Buffer.byteLength(text) > BODY_LIMIT) return; // refused as too large (413) before validation
      const parsed = JSON.parse(text);
      const res = schema['~standard'].validate(parsed) as { issues?: unknown[] };
      expect(res.issues, `accepted: ${text.slice(0, 300)}`).toBeDefined();
    }), { numRuns: 150, seed: 7 });
  });
});
