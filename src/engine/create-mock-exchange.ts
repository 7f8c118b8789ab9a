// The simulated Exchange organization behind the mock shell: dispatches the six certificate cmdlets and their neighbours.
import { addServer } from './add-server.js';
import type { AddServerSpec } from './add-server.js';
import { CallContext } from './call-context.js';
import { runCall } from './cmdlet-runner.js';
import { mockGetAuthConfig } from './mock-get-auth-config.js';
import { mockGetClientAccessService } from './mock-get-client-access-service.js';
import { mockGetExchangeServer } from './mock-get-exchange-server.js';
import { mockGetProtocolSettings } from './mock-get-protocol-settings.js';
import { mockGetReceiveConnector } from './mock-get-receive-connector.js';
import { mockGetSendConnector } from './mock-get-send-connector.js';
import { mockSetAuthConfig } from './mock-set-auth-config.js';
import { mockSetConnector } from './mock-set-connector.js';
import { mockSetProtocolSettings } from './mock-set-protocol-settings.js';
import { mockEnableExchangeCertificate } from './mock-enable-exchange-certificate.js';
import { mockExportExchangeCertificate } from './mock-export-exchange-certificate.js';
import { mockGetExchangeCertificate } from './mock-get-exchange-certificate.js';
import { mockImportExchangeCertificate } from './mock-import-exchange-certificate.js';
import type { AnswerProvider, CmdletCall, CmdletOutcome, MockExchange } from './mock-exchange.js';
import { mockNow, resolveEnvironment } from './mock-environment.js';
import type { MockEnvironmentOptions } from './mock-environment.js';
import { mockNewExchangeCertificate } from './mock-new-exchange-certificate.js';
import { mockRemoveExchangeCertificate } from './mock-remove-exchange-certificate.js';

/** The reference organization (SEED-RUNBOOK.md) created when a state is empty. */
export const DEFAULT_ORGANIZATION: readonly AddServerSpec[] = Object.freeze([
  { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' },
  { name: 'RESEXCH01', fqdn: 'RESEXCH01.labs.local', exchange: '2010' },
]);

const CMDLETS: Readonly<Record<string, (ctx: CallContext) => Promise<void> | void>> = {
  'get-exchangecertificate': mockGetExchangeCertificate,
  'new-exchangecertificate': mockNewExchangeCertificate,
  'import-exchangecertificate': mockImportExchangeCertificate,
  'enable-exchangecertificate': mockEnableExchangeCertificate,
  'export-exchangecertificate': mockExportExchangeCertificate,
  'remove-exchangecertificate': mockRemoveExchangeCertificate,
  'get-exchangeserver': mockGetExchangeServer,
  'get-authconfig': mockGetAuthConfig,
  'set-authconfig': mockSetAuthConfig,
  'get-sendconnector': mockGetSendConnector,
  'set-sendconnector': mockSetConnector,
  'get-receiveconnector': mockGetReceiveConnector,
  'set-receiveconnector': mockSetConnector,
  'get-popsettings': mockGetProtocolSettings,
  'set-popsettings': mockSetProtocolSettings,
  'get-imapsettings': mockGetProtocolSettings,
  'set-imapsettings': mockSetProtocolSettings,
  'get-clientaccessservice': mockGetClientAccessService,
};

/** The cmdlets the simulated organization answers (canonical names). */
export const MOCK_EXCHANGE_CMDLETS = Object.freeze([
  'Get-ExchangeCertificate',
  'New-ExchangeCertificate',
  'Import-ExchangeCertificate',
  'Enable-ExchangeCertificate',
  'Export-ExchangeCertificate',
  'Remove-ExchangeCertificate',
  'Get-ExchangeServer',
  'Get-AuthConfig',
  'Set-AuthConfig',
  'Get-SendConnector',
  'Set-SendConnector',
  'Get-ReceiveConnector',
  'Set-ReceiveConnector',
  'Get-PopSettings',
  'Set-PopSettings',
  'Get-ImapSettings',
  'Set-ImapSettings',
  'Get-ClientAccessService',
]);

/**
 * The simulated Exchange side: each call reads/writes the state store in transactions (crypto outside them), prompts go
 * through the AnswerProvider, server errors come back as non-terminating ErrorRecords.
 * @example
 * const exchange = createMockExchange({ store, fs });
 * const out = await exchange.invoke({ cmdlet: 'Get-ExchangeCertificate', parameterSet: 'Thumbprint', parameters: {}, connectedServer: 'AMS-EXCH01', shell: '5.1', line: 1, column: 1 }, answers);
 */
export function createMockExchange(options: MockEnvironmentOptions): MockExchange {
  const env = resolveEnvironment(options);
  return {
    async invoke(call: CmdletCall, answers: AnswerProvider): Promise<CmdletOutcome> {
      const body = CMDLETS[call.cmdlet.toLowerCase()];
      if (!body) throw new TypeError(`The simulated Exchange organization has no cmdlet '${call.cmdlet}'.`);
      const ctx = new CallContext(env, call, answers);
      return runCall(ctx, () => body(ctx));
    },
    async defaultServer(): Promise<string> {
      const first = env.store.read((tx) => tx.listServers()[0]?.name);
      if (first !== undefined) return first;
      const now = env.store.read((tx) => mockNow(env.clock, tx));
      for (const spec of DEFAULT_ORGANIZATION) await addServer(env.store, spec, now, env.keys);
      env.keyPool?.refill();
      return DEFAULT_ORGANIZATION[0]!.name;
    },
  };
}
