// What the Lambda bundles leave out (infra/constructs/bundling.ts LAMBDA_UNREACHABLE) must be code the
// functions never reach. @smithy/core/event-streams is loaded with import() only when a command's
// input or output has an event-stream member (smithy-client command.js, RpcProtocol and
// HttpBindingProtocol); this checks every operation of every AWS client the project depends on.
import { readFileSync } from 'node:fs';
import { NormalizedSchema } from '@smithy/core/schema';
import { describe, expect, it } from 'vitest';
import { LAMBDA_UNREACHABLE, REPO_ROOT } from '../../../infra/constructs/bundling.js';

const clients = Object.keys((JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { dependencies: Record<string, string> }).dependencies).filter((d) => d.startsWith('@aws-sdk/client-'));

/** Operation schemas ([9, namespace, name, traits, input, output]) a client module exports. */
const operations = (mod: Record<string, unknown>) => Object.entries(mod).filter((e): e is [string, unknown[]] => Array.isArray(e[1]) && e[1][0] === 9);

describe('@smithy/core/event-streams stays out of the bundles', () => {
  it('is among the modules left out', () => {
    expect(LAMBDA_UNREACHABLE).toContain('@smithy/core/event-streams');
  });

  it.each(clients)('%s has no operation with an event stream', async (client) => {
    const ops = operations((await import(client)) as Record<string, unknown>);
    expect(ops.length, `${client} exports its operation schemas`).toBeGreaterThan(0);
    const streaming = ops.filter(([, op]) => NormalizedSchema.of(op[4] as never).getEventStreamMember() || NormalizedSchema.of(op[5] as never).getEventStreamMember());
    expect(streaming.map(([name]) => name)).toEqual([]);
  });

  it('the check sees an event stream where there is one', () => {
    // A structure whose member is a streaming union (how Smithy marks an event stream).
    const events = [4, 'test', 'Events', { streaming: 1 }, ['chunk'], [[3, 'test', 'Chunk', 0, ['bytes'], [21]]]];
    const output = [3, 'test', 'Out', 0, ['stream'], [events]];
    expect(NormalizedSchema.of(output as never).getEventStreamMember()).toBe('stream');
  });
});
