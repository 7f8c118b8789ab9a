// Child process for the atomic-write test: rewrites one virtual file forever with alternating contents of all 'a' and all 'b'.
// Usage (bundled by child-script.ts): node vfs-writer.ts <stateDir> <windowsPath> <bytes>
import { writeSync } from 'node:fs';
import { createHostVirtualFs } from '../../../../src/engine/store/host-virtual-fs.js';

const [stateDir, windowsPath, sizeText] = process.argv.slice(2);
if (stateDir === undefined || windowsPath === undefined || sizeText === undefined)
  throw new Error('usage: vfs-writer <stateDir> <windowsPath> <bytes>');
const vfs = createHostVirtualFs(stateDir);
const contents = [new Uint8Array(Number(sizeText)).fill(0x61), new Uint8Array(Number(sizeText)).fill(0x62)] as const;
vfs.writeFile(windowsPath, contents[0]);
writeSync(1, 'READY\n');
for (let i = 1; ; i += 1) vfs.writeFile(windowsPath, contents[i % 2]!);
