// main.ts picks a command's bundle by its first word, without loading the command tables.
import { describe, expect, it } from '@jest/globals';
import { bundleFor, bundleForLine, printsOnly, TYPED_COMMAND_NAMES } from '../../../src/cli/bundles/bundle-for.js';
import { TYPED_COMMANDS } from '../../../src/cli/typed-commands.js';

describe('bundleFor', () => {
  it('knows every typed subcommand (the list equals TYPED_COMMANDS)', () => {
    expect(TYPED_COMMAND_NAMES).toEqual(TYPED_COMMANDS.map((c) => c.name));
    for (const name of TYPED_COMMAND_NAMES) expect(bundleFor(name)).toBe('typed');
  });
  it('sends run, ca and mock to their bundles and everything else to the full CLI', () => {
    expect([bundleFor('run'), bundleFor('ca'), bundleFor('mock')]).toEqual(['run', 'ca', 'mock']);
    const others = [undefined, '', '--help', '--version', 'parse', 'lint', 'shell', 'demo', 'frob', 'toString'];
    for (const other of others) expect(bundleFor(other)).toBe('full');
  });
});

describe('bundleForLine', () => {
  const line = ['new-request', '--subject-name', 'CN=mail.contoso.com'];
  it('sends a typed command line that can only print to the print bundle', () => {
    expect(bundleForLine([...line, '--print'])).toBe('print');
    expect(bundleForLine(['get', '--print', '--server', 'EX1', '--backend', 'mock'])).toBe('print');
    expect(printsOnly(['export', '--thumbprint', 'A', '--print', '--password-env', 'P'])).toBe(true);
  });
  it('keeps the typed bundle where printing could be turned off or the line fans out to servers', () => {
    for (const extra of [
      [],
      ['--print', 'false'],
      ['--print', 'true'],
      ['--print', '--no-print'],
      ['--print=false'],
      ['--print', '--servers', 'A,B'],
      ['--print', '--servers=A,B'],
      ['--', '--print'],
    ]) {
      expect(bundleForLine([...line, ...extra])).toBe('typed');
    }
  });
  it('leaves other commands where bundleFor puts them', () => {
    expect(bundleForLine(['run', 'a.ps1', '--print'])).toBe('run');
    expect(bundleForLine(['--print'])).toBe('full');
  });
});
