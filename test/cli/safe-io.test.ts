// Issue 12: safeIo wraps the output streams without reading the io's getters (the process's stdinIsTTY opens
// standard input, which a run never reads).
import { describe, expect, it } from '@jest/globals';
import type { CliIo } from '../../src/cli/cli-io.js';
import { safeIo } from '../../src/cli/safe-io.js';
import { SecretMask } from '../../src/cli/secret-mask.js';
import { fakeIo } from '../support/fake-io.js';

/** A fake io whose terminal getters count their reads, as processIo's do on the real process. */
function countingIo(): { io: CliIo; reads: string[]; out: () => string } {
  const base = fakeIo();
  const reads: string[] = [];
  const io = Object.defineProperties(base, {
    stdinIsTTY: { get: () => (reads.push('stdinIsTTY'), true), enumerable: true },
    stderrIsTTY: { get: () => (reads.push('stderrIsTTY'), false), enumerable: true },
    columns: { get: () => (reads.push('columns'), 120), enumerable: true },
  });
  return { io, reads, out: base.out };
}

describe('safeIo', () => {
  it('reads no getter of the io it wraps until the wrapped io is asked', () => {
    const { io, reads } = countingIo();
    const safe = safeIo(io, null, 'stderr');
    expect(reads).toEqual([]);
    expect(safe.stdinIsTTY).toBe(true);
    expect(safe.columns).toBe(120);
    expect(reads).toEqual(['stdinIsTTY', 'columns']);
  });

  it('keeps every other member and masks what it writes', () => {
    const { io, out } = countingIo();
    const mask = new SecretMask();
    mask.add('Pass1word');
    const safe = safeIo(io, mask, 'all');
    expect(Object.keys(safe).sort()).toEqual(Object.keys(io).sort());
    expect(safe.env).toBe(io.env);
    expect(safe.cwd).toBe(io.cwd);
    safe.stdout.write('pw Pass1word \u001b[2J\n');
    expect(out()).not.toContain('Pass1word');
    expect(out()).not.toContain('\u001b');
  });
});
