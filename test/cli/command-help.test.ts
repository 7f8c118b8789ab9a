import { describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../support/fake-io.js';

const COMMANDS = [
  ['new-request'],
  ['new-selfsigned'],
  ['import'],
  ['enable'],
  ['export'],
  ['get'],
  ['remove'],
  ['parse'],
  ['lint'],
  ['run'],
  ['shell'],
  ['mock'],
  ['mock', 'add-server'],
  ['mock', 'list-servers'],
  ['mock', 'set-send-connector'],
  ['mock', 'set-pop-imap'],
  ['mock', 'set-accepted-domains'],
  ['mock', 'set-transport-certificate'],
  ['mock', 'set-require-ssl'],
  ['mock', 'advance-clock'],
  ['ca'],
  ['ca', 'issue'],
  ['demo'],
  ['renew'],
  ['deploy'],
  ['report'],
  ['plan'],
  ['apply'],
  ['config'],
  [],
];

describe('--help of every command', () => {
  it.each(COMMANDS.map((c) => [c.join(' ') || '(top level)', c] as const))(
    '%s shows examples, exit codes and the global options',
    async (_name, command) => {
      const io = fakeIo();
      expect(await runCli([...command, '--help'], io)).toBe(0);
      const help = io.out();
      expect(help).toContain('Examples:');
      expect(help).toMatch(/Exit codes: 0 /);
      for (const option of ['--log-file', '--verbose', '--quiet', '--json', '--backend', '--state'])
        expect(help).toContain(option);
    },
  );
  it('file options say whether they are read on this machine or on the target', async () => {
    const io = fakeIo();
    await runCli(['import', '--help'], io);
    expect(io.out()).toMatch(/--file-data[\s\S]*read on this\s+machine/);
    expect(io.out()).toMatch(/--file-name[\s\S]*server-side path/);
  });
  it('prints a completion script', async () => {
    const io = fakeIo();
    expect(await runCli(['completion'], io)).toBe(0);
    expect(io.out()).toContain('###-begin-exchcert-completions-###');
  });
});
