// main.ts picks a command's bundle by its first word, without loading the command tables.
import { describe, expect, it } from '@jest/globals';
import { bundleFor, TYPED_COMMAND_NAMES } from '../../../src/cli/bundles/bundle-for.js';
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
