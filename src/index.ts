// exchcert's public surface. Never imports cli/.
export { newExchangeCertificate } from './cmdlet/new-exchange-certificate.js';
export type { NewExchangeCertificateOptions } from './cmdlet/new-exchange-certificate.js';
export { importExchangeCertificate } from './cmdlet/import-exchange-certificate.js';
export type { ImportExchangeCertificateOptions } from './cmdlet/import-exchange-certificate.js';
export { enableExchangeCertificate } from './cmdlet/enable-exchange-certificate.js';
export type { EnableExchangeCertificateOptions } from './cmdlet/enable-exchange-certificate.js';
export { exportExchangeCertificate } from './cmdlet/export-exchange-certificate.js';
export type { ExportExchangeCertificateOptions } from './cmdlet/export-exchange-certificate.js';
export { getExchangeCertificate } from './cmdlet/get-exchange-certificate.js';
export type { GetExchangeCertificateOptions } from './cmdlet/get-exchange-certificate.js';
export { getExchangeServer } from './cmdlet/get-exchange-server.js';
export type { GetExchangeServerOptions } from './cmdlet/get-exchange-server.js';
export { getAuthConfig } from './cmdlet/get-auth-config.js';
export type { GetAuthConfigOptions } from './cmdlet/get-auth-config.js';
export { setAuthConfig } from './cmdlet/set-auth-config.js';
export type { SetAuthConfigOptions } from './cmdlet/set-auth-config.js';
export { getSendConnector } from './cmdlet/get-send-connector.js';
export type { GetSendConnectorOptions } from './cmdlet/get-send-connector.js';
export { setSendConnector } from './cmdlet/set-send-connector.js';
export type { SetSendConnectorOptions } from './cmdlet/set-send-connector.js';
export { getReceiveConnector } from './cmdlet/get-receive-connector.js';
export type { GetReceiveConnectorOptions } from './cmdlet/get-receive-connector.js';
export { setReceiveConnector } from './cmdlet/set-receive-connector.js';
export type { SetReceiveConnectorOptions } from './cmdlet/set-receive-connector.js';
export { getPopSettings } from './cmdlet/get-pop-settings.js';
export type { GetPopSettingsOptions } from './cmdlet/get-pop-settings.js';
export { setPopSettings } from './cmdlet/set-pop-settings.js';
export type { SetPopSettingsOptions } from './cmdlet/set-pop-settings.js';
export { getImapSettings } from './cmdlet/get-imap-settings.js';
export type { GetImapSettingsOptions } from './cmdlet/get-imap-settings.js';
export { setImapSettings } from './cmdlet/set-imap-settings.js';
export type { SetImapSettingsOptions } from './cmdlet/set-imap-settings.js';
export { getClientAccessService } from './cmdlet/get-client-access-service.js';
export type { GetClientAccessServiceOptions } from './cmdlet/get-client-access-service.js';
export { removeExchangeCertificate } from './cmdlet/remove-exchange-certificate.js';
export type { RemoveExchangeCertificateOptions } from './cmdlet/remove-exchange-certificate.js';
export { CmdletBuilder, isCmdletBuilder } from './cmdlet/cmdlet-builder.js';
export { ScriptBuilder, script, isScriptBuilder } from './cmdlet/script-builder.js';
export type { OptionsOf } from './cmdlet/option-types.js';

export { render, compile } from './dialect/render.js';
export type { Renderable } from './dialect/render.js';
export type { RenderOptions, SecretsMode } from './dialect/render-options.js';
export type { CompiledScript } from './dialect/compiled-script.js';
export type { Dialect } from './dialect/dialect.js';
export { dialectFor, DIALECTS } from './dialect/dialects.js';
export { quoteString, quoteSingle } from './dialect/quote.js';
export { quoteAscii, needsAsciiSafe } from './idiom/ascii-safe-string.js';

export { parse } from './parser/parser.js';
export { ParseError } from './parser/parse-error.js';
export { PipelineStopped } from './interpreter/pipeline-stopped.js';
export { childNodes, walkAst } from './parser/ast-walk.js';
export { getHelpContent } from './parser/help-content.js';
export type { HelpContent } from './parser/help-content.js';
export type * from './ast/ast.js';
export { bind, bindScript } from './bind/bind.js';
export type { BindOptions, BindResult, Bindable } from './bind/bind.js';
export type { BoundInvocation } from './bind/bound-invocation.js';

export { lint, LINT_RULES } from './lint/lint.js';
export type { LintOptions, LintFixResult, LintResult } from './lint/lint.js';
export type { TextEdit } from './lint/text-edit.js';
export type { Diagnostic } from './lint/diagnostic.js';
export { formatDiagnostic } from './lint/diagnostic.js';

export { Secret, secret, REDACTED_TEXT } from './node/secret.js';
export { variable, fileBytes, pipelineInput, secretPrompt, verbatim, isExpression } from './node/expression.js';
export type {
  Expression,
  VariableExpression,
  FileBytesExpression,
  PipelineInputExpression,
  SecretPromptExpression,
  VerbatimExpression,
} from './node/expression.js';
export type { Invocation, ParameterValue } from './node/invocation.js';
export type { Statement } from './node/statement.js';

export { ExchcertError, isExchcertError } from './errors/exchcert-error.js';
export { ValidationError } from './errors/validation-error.js';
export { BindingError } from './errors/binding-error.js';
export type { BindingErrorId } from './errors/binding-error.js';

export * as spec from './spec/index.js';
export { parseExchangeTarget } from './spec/exchange-target.js';
export type { ExchangeTarget, ExchangeMajor } from './spec/exchange-target.js';
export type { ShellVersion } from './spec/shell-version.js';

export type {
  Backend,
  RunResult,
  RunOptions,
  RunHost,
  SessionInfo,
  StatementResult,
  ErrorRecord,
} from './backend/backend.js';
export type { BackendOptions, AnswerProvider, Prompt, RemoteAuthentication } from './backend/backend-options.js';
export { printBackend } from './backend/print/print-backend.js';
export { mockBackend } from './backend/mock/mock-backend.js';
export type { MockBackend, MockBackendOptions } from './backend/mock/mock-backend.js';
export { localBackend } from './backend/session/local-backend.js';
export { remoteBackend } from './backend/session/remote-backend.js';
export { sshBackend } from './backend/session/ssh-backend.js';
export { registerBackend, createBackend, backendNames } from './backend/registry.js';
export type { BackendEntry } from './backend/registry.js';
export { PwshTransport } from './backend/session/pwsh-transport.js';
export type { PwshTransportOptions } from './backend/session/pwsh-transport.js';
export { PsrpTransport } from './backend/session/psrp-transport.js';
export type { Transport, TransportRequest, TransportHandlers, TransportInfo } from './backend/session/transport.js';
export type { Envelope, PromptRequest, PromptAnswer } from './backend/session/envelope.js';
export {
  PwshMissingError,
  SessionDiedError,
  SessionTimeoutError,
  BootstrapError,
} from './backend/session/session-errors.js';
export { parseClixml, CLIXML_TYPE_NAMES } from './psrp/clixml-reader.js';
export type { ClixmlEnum, ClixmlReadOptions } from './psrp/clixml-reader.js';
export { toClixml } from './psrp/clixml-writer.js';
export type { ClixmlWriteOptions } from './psrp/clixml-writer.js';
export { PsrpProtocolError } from './psrp/psrp-protocol-error.js';
export { connect } from './connect.js';
export type { ConnectOptions, ExchcertSession, InvokeResult } from './connect.js';
export { formatForHost } from './format/format-output.js';
export type { ExchangeCertificate } from './spec/output/exchange-certificate.js';

export * as workflows from './workflow/index.js';
export * as config from './config/index.js';
export { createLogger, silentLogger, logLevelOf } from './log/create-logger.js';
export { redactDeep } from './log/redact-deep.js';
