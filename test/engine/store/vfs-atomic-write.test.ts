// A reader never sees a half-written virtual file, even while the writer is SIGKILLed mid-write.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleChildScript, childEnv, nodeCommand } from './support/child-script.js';

const SIZE = 1 << 18;

function checkWhole(file: string): string {
  const data = readFileSync(file);
  if (data.length !== SIZE) throw new Error(`read ${data.length} bytes`);
  const first = data[0]!;
  if (data.indexOf(first === 0x61 ? 0x62 : 0x61) !== -1) throw new Error('mixed contents');
  return String.fromCharCode(first);
}

describe('host virtual fs atomic writes', () => {
  it('shows readers the old or the new file, never a part, across 5 SIGKILLs', async () => {
    const state = mkdtempSync(join(tmpdir(), 'exchcert-vfs-atomic-'));
    try {
      const file = join(state, 'fs', 'C', 'x.pfx');
      const script = await bundleChildScript('vfs-writer.ts', state);
      const seen = new Set<string>();
      for (let round = 0; round < 5; round += 1) {
        const [command, args] = nodeCommand(script, [state, 'c:\\install\\..\\x.pfx', String(SIZE)]);
        const child = spawn(command, args, { env: childEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
        const closed = new Promise((resolve) => child.on('close', resolve));
        try {
          await new Promise<void>((resolve, reject) => {
            child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('READY') && resolve());
            child.on('close', () => reject(new Error('vfs-writer ended before READY')));
          });
          const until = Date.now() + 100 + Math.random() * 200;
          while (Date.now() < until) {
            seen.add(checkWhole(file));
            await new Promise((resolve) => setImmediate(resolve));
          }
        } finally {
          child.kill('SIGKILL');
          await closed;
        }
        seen.add(checkWhole(file));
      }
      expect([...seen].sort()).toEqual(['a', 'b']);
      expect(readdirSync(join(state, 'fs', 'C')).filter((name) => !name.endsWith('.tmp'))).toEqual(['x.pfx']);
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
});
