// A PSRP pipeline's result in the runner's envelope shape: same output values, error fields and streams.
import { CLIXML_TYPE_NAMES } from '../../psrp/clixml-reader.js';
import { Secret } from '../../node/secret.js';
import type { PipelineResult } from '../../psrp/runspace-pool.js';
import { errorRecordMessage } from '../../psrp/runspace-pool.js';
import { exchangeCertificateFromJson } from '../../spec/output/exchange-certificate.js';
import type { Envelope, EnvelopeError } from './envelope.js';
import { stripAnsi } from './envelope.js';

// System.Management.Automation.ErrorCategory by number.
const CATEGORIES = [
  'NotSpecified',
  'OpenError',
  'CloseError',
  'DeviceError',
  'DeadlockDetected',
  'InvalidArgument',
  'InvalidData',
  'InvalidOperation',
  'InvalidResult',
  'InvalidType',
  'MetadataError',
  'NotImplemented',
  'NotInstalled',
  'ObjectNotFound',
  'OperationStopped',
  'OperationTimeout',
  'SyntaxError',
  'ParserError',
  'PermissionDenied',
  'ResourceBusy',
  'ResourceExists',
  'ResourceUnavailable',
  'ReadError',
  'WriteError',
  'FromStdErr',
  'SecurityError',
  'ProtocolError',
  'ConnectionError',
  'AuthenticationError',
  'LimitsExceeded',
  'QuotaExceeded',
  'NotEnabled',
];

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const typeNames = (v: unknown): readonly string[] =>
  (typeof v === 'object' && v !== null
    ? (v as Record<symbol, readonly string[] | undefined>)[CLIXML_TYPE_NAMES]
    : undefined) ?? [];
const isEnum = (v: Record<string, unknown>) =>
  Object.keys(v).length === 2 &&
  typeof v.text === 'string' &&
  typeof v.value === 'number' &&
  typeNames(v).includes('System.Enum');

/** A decoded CLIXML value as the runner's JSON gives it: enums as their names, certificates through their schema. */
export function runnerValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return stripAnsi(v);
  if (v instanceof Secret) return 'System.Security.SecureString';
  if (typeof v !== 'object' || v === null || v instanceof Date || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(runnerValue);
  const r = v as Record<string, unknown>;
  if (isEnum(r)) return r.text;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(r)) out[k] = runnerValue(x);
  if (
    typeNames(v).some((t) => /(^|\.)ExchangeCertificate$/.test(t.replace(/^Deserialized\./, ''))) &&
    'Services' in out
  ) {
    try {
      return exchangeCertificateFromJson(out);
    } catch {
      return out;
    }
  }
  return out;
}

const numberOrNull = (v: unknown) => (typeof v === 'number' && v > 0 ? v : null);

/** An ErrorRecord from the wire as the runner reports it. */
export function envelopeError(e: Record<string, unknown>, terminating: boolean): EnvelopeError {
  const exceptionTypes = typeNames(e.Exception);
  const target = e.TargetObject;
  const command = e.CommandInfo_Name ?? record(record(e.InvocationInfo).MyCommand).Name;
  return {
    message: stripAnsi(errorRecordMessage(e)),
    category: CATEGORIES[Number(e.ErrorCategory_Category)] ?? 'NotSpecified',
    fullyQualifiedErrorId: typeof e.FullyQualifiedErrorId === 'string' ? e.FullyQualifiedErrorId : '',
    command: typeof command === 'string' && command !== '' ? command : null,
    line: numberOrNull(e.InvocationInfo_ScriptLineNumber),
    column: numberOrNull(e.InvocationInfo_OffsetInLine),
    target:
      target === null || target === undefined
        ? null
        : typeof target === 'string'
          ? target
          : JSON.stringify(runnerValue(target)),
    exceptionType: (exceptionTypes[0] ?? 'Exception')
      .replace(/^Deserialized\./, '')
      .split('.')
      .pop()!,
    terminating,
  };
}

const messageOf = (r: Record<string, unknown>) => stripAnsi(String(r.InformationalRecord_Message ?? r.Message ?? ''));

/** The envelope of one pipeline. */
export function envelopeFromPipeline(id: number, r: PipelineResult, host: string, ms: number): Envelope {
  return {
    id,
    stopped: r.state === 'Stopped',
    output: r.output.map(runnerValue),
    errors: r.errors.map((e) => envelopeError(e, e === r.terminating)),
    warnings: r.warnings.map(messageOf),
    verbose: r.verbose.map(messageOf),
    debug: r.debug.map(messageOf),
    information: r.information.map((i) => ({
      message: stripAnsi(String(i.MessageData ?? '')),
      tags: Array.isArray(i.Tags) ? i.Tags.map(String) : [],
    })),
    host: stripAnsi(host),
    ms,
  };
}
