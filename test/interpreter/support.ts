// Test support for the runbook interpreter: a fake MockExchange that records calls, an in-memory VirtualFs, an env builder.
import type { ErrorRecord } from '../../src/backend/backend.js';
import type { AnswerProvider, CmdletCall, CmdletOutcome, MockExchange } from '../../src/engine/mock-exchange.js';
import type { VirtualFs } from '../../src/engine/org-state.js';
import type { InterpreterEnv } from '../../src/interpreter/index.js';
import type { ShellVersion } from '../../src/spec/shell-version.js';

/** An in-memory Windows file system (case-insensitive paths; folders exist when a file lies below them). */
export class MemoryFs implements VirtualFs {
  readonly files = new Map<string, Uint8Array>();

  static key(path: string): string {
    return path.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
  }

  resolve(windowsPath: string): string {
    return windowsPath;
  }

  readFile(windowsPath: string): Uint8Array {
    const data = this.files.get(MemoryFs.key(windowsPath));
    if (!data) throw new Error(`Could not find file '${windowsPath}'.`);
    return new Uint8Array(data);
  }

  writeFile(windowsPath: string, data: Uint8Array): void {
    this.files.set(MemoryFs.key(windowsPath), new Uint8Array(data));
  }

  exists(windowsPath: string): boolean {
    const k = MemoryFs.key(windowsPath);
    return this.files.has(k) || [...this.files.keys()].some((f) => f.startsWith(`${k}\\`));
  }

  text(windowsPath: string): string {
    return Buffer.from(this.readFile(windowsPath)).toString('latin1');
  }
}

/** A certificate object shaped like the mock's ExchangeCertificate. */
export function fakeCertificate(
  thumbprint: string,
  subject: string,
  services = 'IIS, SMTP',
  letters = '...WS..',
): Record<string, unknown> {
  return {
    AccessRules: null,
    CertificateDomains: ['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl'],
    HasPrivateKey: true,
    IsSelfSigned: false,
    Issuer: 'CN=Vendor CA',
    NotAfter: new Date(2030, 0, 2, 3, 4, 5),
    NotBefore: new Date(2025, 0, 2, 3, 4, 5),
    PublicKeySize: 2048,
    RootCAType: 'ThirdParty',
    SerialNumber: '0A1B',
    Services: services,
    Status: 'Valid',
    Subject: subject,
    Thumbprint: thumbprint,
    FriendlyName: '',
    ServicesStringForm: letters,
    RawData: new Uint8Array([0x30, 0x82]),
  };
}

export const THUMB = '225B26D7F8EF0721887213EEF71F87380DE8AEEE';

type Handler = (call: CmdletCall, answers: AnswerProvider) => CmdletOutcome | Promise<CmdletOutcome>;

/** Errors the fake writes like the real mock: `A special Rpc error occurs ...` style records. */
export function exchangeError(call: CmdletCall, message: string, errorId = '71D7F7B0'): ErrorRecord {
  return {
    message,
    category: 'InvalidOperation',
    errorId,
    fullyQualifiedErrorId: `${errorId},Microsoft.Exchange.Management.SystemConfigurationTasks.${call.cmdlet.replace('-', '')}`,
    command: call.cmdlet,
    terminating: false,
    line: call.line,
    column: call.column,
  };
}

/** A MockExchange that records every call and answers from a handler (default: plausible outputs). */
export class FakeExchange implements MockExchange {
  readonly calls: CmdletCall[] = [];
  handler: Handler;

  constructor(handler?: Handler) {
    this.handler = handler ?? ((call) => defaultOutcome(call));
  }

  async invoke(call: CmdletCall, answers: AnswerProvider): Promise<CmdletOutcome> {
    this.calls.push(call);
    return this.handler(call, answers);
  }

  async defaultServer(): Promise<string> {
    return 'AMS-EXCH01';
  }
}

/** What the fake answers by default. */
export function defaultOutcome(call: CmdletCall): CmdletOutcome {
  const none: CmdletOutcome = { output: [], errors: [], warnings: [] };
  switch (call.cmdlet) {
    case 'New-ExchangeCertificate':
      return {
        ...none,
        output: ['-----BEGIN NEW CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END NEW CERTIFICATE REQUEST-----\r\n'],
      };
    case 'Import-ExchangeCertificate':
    case 'Get-ExchangeCertificate':
      return {
        ...none,
        output: [
          fakeCertificate(THUMB, 'CN=webmail.exchangefun.nl, OU=RND, O=Exchangefun bv, L=Emmeloord, S=Flevoland, C=NL'),
        ],
      };
    case 'Export-ExchangeCertificate':
      return { ...none, output: [{ FileData: new Uint8Array([1, 2, 3]) }] };
    default:
      return none;
  }
}

/** Answers every prompt with one letter (or null: nobody answers). */
export function answersWith(letter: 'Y' | 'A' | 'N' | 'L' | null): AnswerProvider {
  return { answer: () => letter };
}

/** An interpreter environment over a fake exchange and a memory file system. */
export function makeEnv(
  shell: ShellVersion,
  overrides: Partial<InterpreterEnv> = {},
): InterpreterEnv & { exchange: FakeExchange; fs: MemoryFs; hostText: () => string } {
  let host = '';
  const env = {
    exchange: new FakeExchange(),
    fs: new MemoryFs(),
    shell,
    connectedServer: 'AMS-EXCH01',
    answers: answersWith(null),
    host: {
      write: (t: string) => {
        host += t;
      },
    },
    now: () => new Date(2025, 10, 25, 12, 50, 0),
    ...overrides,
  } as InterpreterEnv & { exchange: FakeExchange; fs: MemoryFs };
  return Object.assign(env, { hostText: () => host });
}

/** Runs a script on a fresh environment; returns the result and the environment (calls, files, host text). */
export async function run(
  script: string,
  shell: ShellVersion = '5.1',
  overrides: Partial<InterpreterEnv> = {},
  setup?: (env: ReturnType<typeof makeEnv>) => void,
) {
  const env = makeEnv(shell, overrides);
  setup?.(env);
  const { interpret } = await import('../../src/interpreter/index.js');
  const result = await interpret(script, env);
  return { result, env };
}
