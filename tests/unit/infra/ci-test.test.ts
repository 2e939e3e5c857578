// .ci/test (`npm test`) runs vitest's projects in two processes beside lint and typecheck: the run must
// fail when any one of them fails, and say which. vitest, lint and typecheck are stand-ins here (a fake
// `npx` and `npm` first on PATH), each exiting with the code the case gives it.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function runCiTest(codes: { main?: number; e2e?: number; lint?: number; typecheck?: number }, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-ci-test-'));
  mkdirSync(join(dir, 'repo', '.ci'), { recursive: true });
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, '.ci', 'test'), join(dir, 'repo', '.ci', 'test'));
  // Each stand-in records how it was called, so the case can see what ran.
  writeFileSync(join(dir, 'bin', 'npx'), `#!/usr/bin/env bash\necho "npx $*" >> "${dir}/calls"\nif [[ "$*" == *"--project e2e"* ]]; then echo "e2e output"; exit ${codes.e2e ?? 0}; fi\nexit ${codes.main ?? 0}\n`);
  writeFileSync(join(dir, 'bin', 'npm'), `#!/usr/bin/env bash\necho "npm $*" >> "${dir}/calls"\n[[ "$*" == *lint* ]] && exit ${codes.lint ?? 0}\n[[ "$*" == *typecheck* ]] && exit ${codes.typecheck ?? 0}\nexit 0\n`);
  chmodSync(join(dir, 'bin', 'npx'), 0o755);
  chmodSync(join(dir, 'bin', 'npm'), 0o755);
  const res = spawnSync('bash', [join(dir, 'repo', '.ci', 'test'), ...args], { env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` }, encoding: 'utf8' });
  const calls = spawnSync('cat', [join(dir, 'calls')], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
  return { status: res.status, out: res.stdout, calls };
}

describe('.ci/test', () => {
  it('passes when every part passes, having run the two vitest processes, lint and typecheck', () => {
    const r = runCiTest({});
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([
      'npm run -s lint',
      'npm run -s typecheck',
      'npx --no-install vitest run --project e2e',
      'npx --no-install vitest run --project unit --project integration --project infra',
    ]);
    expect(r.out).toContain('── vitest --project e2e: exit 0');
    expect(r.out).toContain('e2e output');
  });

  it.each([
    ['unit, integration or infra', { main: 1 }, '── vitest: exit 1'],
    ['e2e', { e2e: 1 }, '── vitest --project e2e: exit 1'],
    ['lint', { lint: 2 }, '── npm run lint: exit 2'],
    ['typecheck', { typecheck: 1 }, '── npm run typecheck: exit 1'],
  ])('fails when %s fails, and says so', (_, codes, line) => {
    const r = runCiTest(codes);
    expect(r.status).toBe(1);
    expect(r.out).toContain(line);
  });

  it('with arguments runs vitest once, as given, and still fails with it', () => {
    const r = runCiTest({ main: 1 }, ['tests/unit/domain']);
    expect(r.status).toBe(1);
    expect(r.calls).toContain('npx --no-install vitest run tests/unit/domain');
    expect(r.calls.filter((c) => c.startsWith('npx'))).toHaveLength(1);
  });
});
