// One cmdlet call in progress: its parameters, the streams it writes, error records and the organization's clock.
import { createHash, randomUUID } from 'node:crypto';
import type { ErrorRecord } from '../spec/output/run-result.js';
import type { AnswerProvider, CmdletCall, CmdletOutcome } from './mock-exchange.js';
import { CallParameters } from './call-parameters.js';
import type { FailureInfo } from './cmdlet-failure.js';
import { formatUsDateTime } from './dotnet-date.js';
import { EXCHANGE_MESSAGES } from './exchange-messages.js';
import type { MockEnvironment } from './mock-environment.js';
import { mockNow } from './mock-environment.js';
import type { StateTransaction } from './org-state.js';
import { findServer } from './server-lookup.js';

/** The namespace of the Exchange certificate cmdlet classes (FullyQualifiedErrorId suffix). */
export const CMDLET_NAMESPACE = 'Microsoft.Exchange.Management.SystemConfigurationTasks';

/** The state of one call: what it has written so far and how to reach the organization. */
export class CallContext {
  readonly env: MockEnvironment;
  readonly call: CmdletCall;
  readonly answers: AnswerProvider;
  readonly params: CallParameters;
  /** `NewExchangeCertificate` for `New-ExchangeCertificate`. */
  readonly className: string;
  readonly output: unknown[] = [];
  readonly errors: ErrorRecord[] = [];
  readonly warnings: string[] = [];
  /** Lines PowerShell writes straight to the host (`What if: ...`). */
  readonly hostLines: string[] = [];

  constructor(env: MockEnvironment, call: CmdletCall, answers: AnswerProvider) {
    this.env = env;
    this.call = call;
    this.answers = answers;
    this.params = new CallParameters(call.parameters);
    this.className = call.cmdlet.replace('-', '');
  }

  /** The organization's virtual time. */
  now(tx?: StateTransaction): Date {
    return tx ? mockNow(this.env.clock, tx) : this.env.store.read((t) => mockNow(this.env.clock, t));
  }

  /** Writes one non-terminating error (the call then stops, as Exchange's Task.WriteError does). */
  fail(info: FailureInfo): void {
    this.errors.push(this.errorRecord(info));
  }

  /** The ErrorRecord Exchange writes: RPC prefix for server errors, the 2013+ FullyQualifiedErrorId decoration. */
  errorRecord(info: FailureInfo): ErrorRecord {
    const { hostName, hostIs2010, now } = this.env.store.read((tx) => {
      const host = findServer(tx, this.call.connectedServer);
      return {
        hostName: (host?.name ?? this.call.connectedServer).toUpperCase(),
        hostIs2010: host?.major === '2010',
        now: mockNow(this.env.clock, tx),
      };
    });
    const message =
      info.origin === 'server' ? EXCHANGE_MESSAGES.rpcPrefix(info.server ?? hostName) + info.message : info.message;
    const errorId = createHash('sha1').update(message).digest('hex').slice(0, 8).toUpperCase();
    const decoration = hostIs2010
      ? ''
      : `[Server=${hostName},RequestId=${randomUUID()},TimeStamp=${formatUsDateTime(now)}] [FailureCategory=Cmdlet-${info.exceptionType ?? 'InvalidOperationException'}] `;
    return Object.freeze({
      message,
      category: info.category,
      errorId,
      fullyQualifiedErrorId: `${decoration}${errorId},${CMDLET_NAMESPACE}.${this.className}`,
      command: this.call.cmdlet,
      terminating: false,
      line: this.call.line,
      column: this.call.column,
    });
  }

  /** What the call produced. */
  outcome(): CmdletOutcome {
    return { output: this.output, errors: this.errors, warnings: this.warnings, hostLines: this.hostLines };
  }
}
