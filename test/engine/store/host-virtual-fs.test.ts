// The virtual Windows file system in <state>/fs: mapping, case-insensitive matching, refusals, Windows wording, atomic writes.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostVirtualFs } from '../../../src/engine/store/host-virtual-fs.js';
import type { HostVirtualFs } from '../../../src/engine/store/host-virtual-fs.js';
import { caught } from '../../pki/caught.js';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));

describe('createHostVirtualFs', () => {
  let state: string;
  let vfs: HostVirtualFs;
  beforeEach(() => {
    state = mkdtempSync(join(tmpdir(), 'exchcert-vfs-'));
    vfs = createHostVirtualFs(state);
  });
  afterEach(() => rmSync(state, { recursive: true, force: true }));

  it('maps drives and UNC shares under <state>/fs', () => {
    expect(vfs.root).toBe(join(state, 'fs'));
    expect(vfs.resolve('C:\\install\\x.req')).toBe(join(state, 'fs', 'C', 'install', 'x.req'));
    expect(vfs.resolve('c:/install/x.req')).toBe(join(state, 'fs', 'C', 'install', 'x.req'));
    expect(vfs.resolve('\\\\host\\share\\x')).toBe(join(state, 'fs', 'UNC', 'host', 'share', 'x'));
    expect(vfs.resolve('C:\\a\\..\\b\\.\\c.txt')).toBe(join(state, 'fs', 'C', 'b', 'c.txt'));
  });

  it('lists, creates and removes folders and files (Get-ChildItem, New-Item, Remove-Item)', () => {
    vfs.makeDirectory!('C:\\Certs\\Old');
    vfs.writeFile('C:\\Certs\\b.pfx', bytes('pfx!'));
    vfs.writeFile('C:\\certs\\A.req', bytes('r'));
    const listed = vfs.listFolder!('C:\\CERTS').map((e) => `${e.name}:${e.isDirectory}:${e.length}`);
    expect(listed).toEqual(['A.req:false:1', 'b.pfx:false:4', 'Old:true:0']);
    vfs.remove!('C:\\Certs\\a.req');
    vfs.remove!('C:\\Certs\\Old');
    expect(vfs.listFolder!('C:\\Certs').map((e) => e.name)).toEqual(['b.pfx']);
    expect(caught(() => vfs.remove!('C:\\Certs\\missing.txt'))).toMatchObject({ code: 'ITEM_NOT_FOUND' });
    expect(caught(() => vfs.listFolder!('C:\\Nowhere'))).toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('writes into drive and share roots, which always exist', () => {
    vfs.writeFile('C:\\ssl-request.req', bytes('req'));
    vfs.writeFile('\\\\fs01\\certs\\x.cer', bytes('cer'));
    expect(readFileSync(join(state, 'fs', 'C', 'ssl-request.req'), 'utf8')).toBe('req');
    expect(readFileSync(join(state, 'fs', 'UNC', 'fs01', 'certs', 'x.cer'), 'utf8')).toBe('cer');
    expect(vfs.exists('D:\\')).toBe(true);
    expect(vfs.exists('\\\\other\\share')).toBe(true);
  });

  it('reads files a user dropped in, matching names case-insensitively', () => {
    mkdirSync(join(state, 'fs', 'C', 'install'), { recursive: true });
    writeFileSync(join(state, 'fs', 'C', 'install', 'x.cer'), 'issued');
    const read = vfs.readFile('C:\\Install\\X.CER');
    expect(Buffer.from(read).toString()).toBe('issued');
    expect(Object.getPrototypeOf(read)).toBe(Uint8Array.prototype);
    expect(vfs.resolve('c:\\INSTALL\\x.Cer')).toBe(join(state, 'fs', 'C', 'install', 'x.cer'));
    expect(vfs.exists('C:\\install\\X.cer')).toBe(true);
    expect(vfs.exists('C:\\install\\y.cer')).toBe(false);
  });

  it('creates new names with the case given and overwrites existing ones keeping their case', () => {
    vfs.ensureDirectory('C:\\Install\\Certs');
    vfs.writeFile('c:\\install\\certs\\New.Req', bytes('one'));
    vfs.writeFile('C:\\INSTALL\\CERTS\\NEW.REQ', bytes('two'));
    expect(readdirSync(join(state, 'fs', 'C', 'Install', 'Certs'))).toEqual(['New.Req']);
    expect(readFileSync(join(state, 'fs', 'C', 'Install', 'Certs', 'New.Req'), 'utf8')).toBe('two');
  });

  it('prefers the exact name when the host has several case variants', () => {
    mkdirSync(join(state, 'fs', 'C'), { recursive: true });
    writeFileSync(join(state, 'fs', 'C', 'A.txt'), 'upper');
    writeFileSync(join(state, 'fs', 'C', 'a.txt'), 'lower');
    expect(Buffer.from(vfs.readFile('C:\\a.txt')).toString()).toBe('lower');
    expect(Buffer.from(vfs.readFile('C:\\A.txt')).toString()).toBe('upper');
  });

  it("reports a missing file with PowerShell's ItemNotFound text", () => {
    const error = caught(() => vfs.readFile('C:\\install\\..\\missing.cer'));
    expect(error.code).toBe('ITEM_NOT_FOUND');
    expect(error.message).toBe("Cannot find path 'C:\\missing.cer' because it does not exist.");
  });

  it('does not create missing folders on write, like Set-Content', () => {
    const error = caught(() => vfs.writeFile('C:\\nowhere\\x.req', bytes('x')));
    expect(error.code).toBe('DIRECTORY_NOT_FOUND');
    expect(error.message).toBe("Could not find a part of the path 'C:\\nowhere\\x.req'.");
    vfs.writeFile('C:\\file', bytes('x'));
    expect(caught(() => vfs.writeFile('C:\\file\\x.req', bytes('x'))).code).toBe('DIRECTORY_NOT_FOUND');
  });

  it('refuses to read or write a folder', () => {
    vfs.ensureDirectory('C:\\install');
    expect(caught(() => vfs.readFile('C:\\install')).message).toBe("Access to the path 'C:\\install' is denied.");
    expect(caught(() => vfs.writeFile('C:\\Install', bytes('x'))).code).toBe('PATH_IS_DIRECTORY');
    expect(caught(() => vfs.writeFile('C:\\', bytes('x'))).code).toBe('PATH_IS_DIRECTORY');
  });

  it('refuses escapes, relative and device paths and streams, naming the path', () => {
    // `..` at the root stays at the root, as on Windows: C:\..\..\x is C:\x.
    vfs.writeFile('C:\\..\\..\\x', bytes('x'));
    expect(readFileSync(join(state, 'fs', 'C', 'x'), 'utf8')).toBe('x');
    expect(caught(() => vfs.writeFile('C:\\..\\..\\etc\\x', bytes('x'))).code).toBe('DIRECTORY_NOT_FOUND');
    expect(caught(() => vfs.readFile('x.req')).code).toBe('RELATIVE_PATH');
    expect(caught(() => vfs.exists('\\\\?\\C:\\x')).code).toBe('DEVICE_PATH');
    expect(caught(() => vfs.writeFile('C:\\x.req:ads', bytes('x'))).code).toBe('INVALID_PATH');
    expect(readdirSync(state)).toEqual(['fs']);
  });

  it('refuses symlinks inside fs/ that lead outside it, for reads and writes', () => {
    const outside = mkdtempSync(join(tmpdir(), 'exchcert-outside-'));
    try {
      writeFileSync(join(outside, 'secret'), 'secret');
      mkdirSync(join(state, 'fs', 'C'), { recursive: true });
      symlinkSync(outside, join(state, 'fs', 'C', 'out'));
      symlinkSync(join(outside, 'secret'), join(state, 'fs', 'C', 'secret.txt'));
      expect(caught(() => vfs.writeFile('C:\\out\\x.req', bytes('x'))).code).toBe('PATH_OUTSIDE_ROOT');
      expect(caught(() => vfs.writeFile('C:\\secret.txt', bytes('x'))).code).toBe('PATH_OUTSIDE_ROOT');
      expect(caught(() => vfs.readFile('C:\\OUT\\secret')).code).toBe('PATH_OUTSIDE_ROOT');
      expect(readdirSync(outside)).toEqual(['secret']);
      expect(readFileSync(join(outside, 'secret'), 'utf8')).toBe('secret');
      mkdirSync(join(state, 'fs', 'C', 'real'));
      symlinkSync(join(state, 'fs', 'C', 'real'), join(state, 'fs', 'C', 'inside'));
      vfs.writeFile('C:\\inside\\x.req', bytes('ok'));
      expect(readFileSync(join(state, 'fs', 'C', 'real', 'x.req'), 'utf8')).toBe('ok');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('writes atomically with mode 0600, leaving no temp files', () => {
    vfs.writeFile('C:\\x.pfx', new Uint8Array(100_000).fill(7));
    vfs.writeFile('C:\\x.pfx', bytes('short'));
    expect(readdirSync(join(state, 'fs', 'C'))).toEqual(['x.pfx']);
    expect(readFileSync(join(state, 'fs', 'C', 'x.pfx'), 'utf8')).toBe('short');
    expect(statSync(join(state, 'fs', 'C', 'x.pfx')).mode & 0o777).toBe(0o600);
    expect(statSync(join(state, 'fs')).mode & 0o777).toBe(0o700);
  });
});
