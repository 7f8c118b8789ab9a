// Public surface of the simulated Exchange organization: the cmdlet engine, setup and admin functions, message lists.
export { createMockExchange, DEFAULT_ORGANIZATION, MOCK_EXCHANGE_CMDLETS } from './create-mock-exchange.js';
export { addServer } from './add-server.js';
export type { AddServerSpec } from './add-server.js';
export {
  putSendConnector,
  setPopImapCertificateName,
  setAcceptedDomains,
  setTransportCertificate,
  setUmStartupMode,
  setRequireSsl,
  setFederationCertificates,
  setClock,
  advanceClock,
  trustVendorRoot,
  tlsCertificateNameOf,
} from './org-admin.js';
export { APPROXIMATED_MESSAGES, approximated } from './approximated-messages.js';
export type { ApproximatedMessage } from './approximated-messages.js';
export { EXCHANGE_MESSAGES, nonInteractiveMessage } from './exchange-messages.js';
export type { KeySource, MockEnvironmentOptions } from './mock-environment.js';
export { roleFlags, defaultRoles } from './server-roles.js';
export type { RoleFlags } from './server-roles.js';
export { AnswerPending, MockTerminatingError } from './mock-exchange.js';
export type { MockExchange, CmdletCall, CmdletOutcome, AnswerProvider, Prompt } from './mock-exchange.js';
