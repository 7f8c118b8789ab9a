import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { createLogger, deferredLogger, logLevelOf } from '../../src/log/create-logger.js';
import { redactDeep } from '../../src/log/redact-deep.js';
import { secret } from '../../src/node/secret.js';

function capture() {
  const lines: string[] = [];
  return {
    lines,
    stream: {
      write: (s: string) => {
        lines.push(s);
      },
    },
  };
}

const DEEP = {
  job: { steps: [{ server: 'EX1', options: { pfx: { password: 'Deep1Secret', passphrase: 'Deep2Secret' } } }] },
  pfxPassword: 'Top3Secret',
  pw: secret('Obj4Secret'),
};

describe('logging', () => {
  it("pino's own *.password path leaks deeper keys (why exchcert redacts itself)", () => {
    const { lines, stream } = capture();
    pino({ redact: { paths: ['password', '*.password'] } }, stream).info(DEEP, 'x');
    expect(lines.join('')).toContain('Deep1Secret');
  });
  it('redacts secret keys and Secret values at any depth, leaving the rest', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info', stream });
    log.info(DEEP, 'executing');
    const text = lines.join('');
    for (const s of ['Deep1Secret', 'Deep2Secret', 'Top3Secret', 'Obj4Secret']) expect(text).not.toContain(s);
    const entry = JSON.parse(text);
    expect(entry.job.steps[0]).toEqual({
      server: 'EX1',
      options: { pfx: { password: '********', passphrase: '********' } },
    });
    expect(entry.pw).toBe('********');
    expect(entry.msg).toBe('executing');
  });
  it('redactDeep cuts cycles and summarises bytes', () => {
    const a: Record<string, unknown> = { data: new Uint8Array(3) };
    a.self = a;
    expect(redactDeep(a)).toEqual({ data: '<3 bytes>', self: '[Circular]' });
  });
  it('maps -v and --quiet to levels', () => {
    expect(logLevelOf({})).toBe('warn');
    expect(logLevelOf({ verbose: 1 })).toBe('info');
    expect(logLevelOf({ verbose: 2 })).toBe('debug');
    expect(logLevelOf({ logFile: 'x.log' })).toBe('info');
    expect(logLevelOf({ verbose: 2, quiet: true })).toBe('silent');
    const { lines, stream } = capture();
    createLogger({ level: 'warn', stream }).info('hidden');
    expect(lines).toEqual([]);
  });
});

describe('deferredLogger', () => {
  it('makes the real logger only for warnings and errors', () => {
    const { lines, stream } = capture();
    let made = 0;
    const log = deferredLogger('warn', () => {
      made += 1;
      return createLogger({ level: 'warn', stream });
    });
    log.info({ password: 'x' }, 'skipped');
    expect(made).toBe(0);
    log.error({ step: { password: 'Deep5Secret' } }, 'failed');
    log.warn('again');
    expect(made).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toContain('Deep5Secret');
  });
});
