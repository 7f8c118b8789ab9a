// Parsing and normalising Windows paths for the virtual file system.
import { describe, expect, it } from '@jest/globals';
import { parseWindowsPath } from '../../../src/engine/store/windows-path.js';
import { caught } from '../../pki/caught.js';

describe('parseWindowsPath', () => {
  it.each([
    ['C:\\install\\x.req', ['C'], ['install', 'x.req'], 'C:\\install\\x.req'],
    ['c:/install/x.req', ['C'], ['install', 'x.req'], 'C:\\install\\x.req'],
    ['D:\\', ['D'], [], 'D:\\'],
    ['C:\\\\a//b\\.\\c\\..\\d', ['C'], ['a', 'b', 'd'], 'C:\\a\\b\\d'],
    ['C:\\a\\x.req. .', ['C'], ['a', 'x.req'], 'C:\\a\\x.req'],
    ['C:\\My Files\\cert (1).cer', ['C'], ['My Files', 'cert (1).cer'], 'C:\\My Files\\cert (1).cer'],
    ['\\\\fs01\\certs\\2024\\x.pfx', ['UNC', 'fs01', 'certs'], ['2024', 'x.pfx'], '\\\\fs01\\certs\\2024\\x.pfx'],
    ['//fs01/certs/x.pfx', ['UNC', 'fs01', 'certs'], ['x.pfx'], '\\\\fs01\\certs\\x.pfx'],
    ['\\\\fs01\\certs', ['UNC', 'fs01', 'certs'], [], '\\\\fs01\\certs'],
    ['C:\\console.log', ['C'], ['console.log'], 'C:\\console.log'],
    // `..` at the root stays at the root, as Windows' GetFullPath does.
    ['C:\\..\\x', ['C'], ['x'], 'C:\\x'],
    ['C:\\a\\..\\..\\..\\x', ['C'], ['x'], 'C:\\x'],
    ['\\\\fs01\\certs\\..\\other\\x', ['UNC', 'fs01', 'certs'], ['other', 'x'], '\\\\fs01\\certs\\other\\x'],
  ])('%s', (input, root, segments, display) => {
    expect(parseWindowsPath(input)).toEqual({ root, segments, display });
  });

  it.each([
    ['\\\\..\\certs\\x', 'INVALID_PATH'],
    ['\\\\fs01\\..\\x', 'INVALID_PATH'],
    ['\\\\fs01', 'INVALID_PATH'],
    ['x.req', 'RELATIVE_PATH'],
    ['.\\x.req', 'RELATIVE_PATH'],
    ['..\\x.req', 'RELATIVE_PATH'],
    ['\\install\\x.req', 'RELATIVE_PATH'],
    ['C:x.req', 'RELATIVE_PATH'],
    ['C:', 'RELATIVE_PATH'],
    ['/etc/passwd', 'RELATIVE_PATH'],
    ['\\\\?\\C:\\x', 'DEVICE_PATH'],
    ['\\\\.\\PhysicalDrive0', 'DEVICE_PATH'],
    ['\\??\\C:\\x', 'DEVICE_PATH'],
    ['C:\\install\\CON', 'DEVICE_PATH'],
    ['C:\\nul.txt', 'DEVICE_PATH'],
    ['C:\\a\\com1 .req', 'DEVICE_PATH'],
    ['C:\\x.req:secret', 'INVALID_PATH'],
    ['C:\\a?b', 'INVALID_PATH'],
    ['C:\\a\u0000b', 'INVALID_PATH'],
    ['C:\\...\\x', 'INVALID_PATH'],
    ['', 'INVALID_PATH'],
    ['   ', 'INVALID_PATH'],
  ])('refuses %j with %s', (input, code) => {
    const error = caught(() => parseWindowsPath(input));
    expect(error.code).toBe(code);
    expect(error.name).toBe('VirtualFsError');
  });

  it('names the path in the message', () => {
    expect(caught(() => parseWindowsPath('x.req')).message).toContain("'x.req' is not a full path");
  });
});
