import { ValidationError } from '../errors/validation-error.js';
import { byteCast, readAllBytesCall } from '../idiom/file-bytes.js';
import {
  binaryExport,
  exportsOnServer,
  fileDataOf,
  serverSideExport,
  writeAllBytesCall,
} from '../idiom/pfx-to-file.js';
import { passwordPromptText, secureStringPrompt } from '../idiom/secure-string-from-prompt.js';
import { EMPTY_SECURE_STRING } from '../idiom/secure-string-from-text.js';
import type { Expression } from '../node/expression.js';
import { isExpression } from '../node/expression.js';
import type { Invocation, ParameterValue } from '../node/invocation.js';
import { createInvocation } from '../node/invocation.js';
import { REDACTED_TEXT, Secret } from '../node/secret.js';
import type { Statement } from '../node/statement.js';
import type { ParameterSpec } from '../spec/cmdlet-spec.js';
import { describeAvailability, isAvailable } from '../spec/exchange-target.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import { EXCHANGE_SERVICES, serviceInEnum } from '../spec/exchange-services.js';
import type { AllowedService } from '../spec/ps-type.js';
import { PS_TYPE_INFO } from '../spec/ps-type-info.js';
import { findCmdlet, shellView } from '../spec/registry.js';
import { pipelineTargets } from '../spec/pipeline-targets.js';
import type { Dialect } from './dialect.js';
import type { SecretsMode } from './render-options.js';
import type { QuoteStyle } from './quote.js';
import { quoteString } from './quote.js';

/** A rendered expression and whether it can stand as a command argument without parentheses. */
interface Rendered {
  readonly text: string;
  readonly display: string;
  readonly atomic: boolean;
}

/** Compiles statement nodes to text for one dialect: a visitor whose dialect differences are capability flags. */
export class Compiler {
  readonly dialect: Dialect;
  readonly exchange: ExchangeTarget | undefined;
  readonly secrets: SecretsMode;
  readonly quoting: QuoteStyle;
  readonly dotnetBytes: boolean;
  readonly secretVariables = new Map<string, Secret>();
  readonly invocations: Invocation[] = [];

  constructor(options: {
    dialect: Dialect;
    exchange: ExchangeTarget | undefined;
    secrets: SecretsMode;
    quoting: QuoteStyle;
    dotnetBytes: boolean;
  }) {
    this.dialect = options.dialect;
    this.exchange = options.exchange;
    this.secrets = options.secrets;
    this.quoting = options.quoting;
    this.dotnetBytes = options.dotnetBytes;
  }

  /** One statement to one line (text and display form). */
  statement(s: Statement): { text: string; display: string }[] {
    switch (s.kind) {
      case 'pipeline': {
        const parts = s.elements.map((inv, i) => this.invocation(inv, i === 0 ? undefined : s.elements[i - 1]!.cmdlet));
        const prefix = s.assignTo === null ? '' : `$${s.assignTo} = `;
        return [
          {
            text: prefix + parts.map((p) => p.text).join(' | '),
            display: prefix + parts.map((p) => p.display).join(' | '),
          },
        ];
      }
      case 'assignValue': {
        const r = this.value(undefined, s.value, true);
        return [{ text: `$${s.variable} = ${r.text}`, display: `$${s.variable} = ${r.display}` }];
      }
      case 'writeFile':
        return [this.writeFile(s.path, s.value, s.content)];
      case 'exportToFile':
        return this.exportToFile(s.export, s.path, s.variable);
    }
  }

  /**
   * `Cmdlet -Name value ...`; parameters filled by the pipeline are not written. `upstream` is the previous command of
   * the pipeline (undefined: first in it), which decides how piped objects bind, as the binder decides.
   */
  invocation(inv: Invocation, upstream: string | undefined, record = true): Rendered {
    const piped = upstream !== undefined;
    const spec = findCmdlet(inv.cmdlet);
    const view = spec ? shellView(spec, undefined) : undefined;
    const missing = (inv as { awaitingPipeline?: readonly ParameterSpec[] }).awaitingPipeline ?? [];
    if (!piped && missing.length > 0) {
      const alone = (inv as { standaloneError?: Error }).standaloneError;
      if (alone) throw alone;
      throw new ValidationError({
        code: 'MISSING_MANDATORY',
        cmdlet: inv.cmdlet,
        parameter: missing[0]!.name,
        message: `${inv.cmdlet}: -${missing.map((p) => p.name).join(', -')} is mandatory; give it or pipe a certificate into the command (script().pipe(...)).`,
      });
    }
    let text = inv.cmdlet;
    let display = inv.cmdlet;
    const parameters: Record<string, ParameterValue> = {};
    for (const [option, value] of Object.entries(inv.parameters)) {
      const p = view?.parameters.find((q) => q.option === option);
      if (!p)
        throw new ValidationError({
          code: 'UNKNOWN_OPTION',
          cmdlet: inv.cmdlet,
          parameter: option,
          message: `${inv.cmdlet} has no parameter '${option}'.`,
        });
      this.checkAvailable(inv.cmdlet, p, value);
      parameters[option] = value;
      if (isExpression(value) && value.kind === 'pipelineInput') continue;
      const arg = this.argument(p, value);
      text += arg.text;
      display += arg.display;
    }
    for (const [k, v] of Object.entries(parameters)) parameters[k] = this.boundForm(v);
    // A piped builder that still awaits its pipeline parameters gets the markers the binder reads back.
    const awaiting =
      piped && missing.length > 0 && view && inv.parameterSet !== null
        ? pipelineTargets(
            view,
            inv.parameterSet,
            new Set(view.parameters.filter((p) => p.option in parameters).map((p) => p.name)),
            upstream,
          )
        : {};
    if (record) this.invocations.push(createInvocation(inv.cmdlet, inv.parameterSet, { ...parameters, ...awaiting }));
    return { text, display, atomic: false };
  }

  /** What the binder reads back for a value: a secret is a Secret only inline, else the variable or prompt it renders as. */
  private boundForm(value: ParameterValue): ParameterValue {
    if (value instanceof Secret) {
      if (this.secrets === 'variable') return { kind: 'variable', name: this.secretVariable(value), path: [] };
      if (this.secrets === 'prompt') return { kind: 'secretPrompt', prompt: passwordPromptText(value.name) };
      return value;
    }
    if (Array.isArray(value)) return value.map((v) => this.boundForm(v as ParameterValue));
    return value;
  }

  /** ` -Name value` for one parameter (switches as `-Name` / `-Name:$false`). */
  private argument(p: ParameterSpec, value: ParameterValue): { text: string; display: string } {
    if (p.type === 'SwitchParameter' && typeof value === 'boolean') {
      const t = value ? ` -${p.name}` : ` -${p.name}:$false`;
      return { text: t, display: t };
    }
    const r = this.value(p, value, false);
    const text = r.atomic ? r.text : `(${r.text})`;
    const display = r.atomic ? r.display : `(${r.display})`;
    // A first argument token whose value is `--%` would switch PowerShell to stop-parsing; the colon form avoids it.
    const sep = firstStringIs(value, '--%') ? ':' : ' ';
    return { text: ` -${p.name}${sep}${text}`, display: ` -${p.name}${sep}${display}` };
  }

  /** Renders a value; `expressionMode` is true on the right of `=`, where casts need no parentheses. */
  value(p: ParameterSpec | undefined, value: ParameterValue, expressionMode: boolean): Rendered {
    if (typeof value === 'string') {
      const t = quoteString(value, this.quoting);
      return { text: t, display: t, atomic: true };
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new TypeError(`Cannot render the number ${value}`);
      const t = String(value);
      return { text: t, display: t, atomic: true };
    }
    if (typeof value === 'boolean') return lit(value ? '$true' : '$false');
    if (value === null) return lit('$null');
    if (value instanceof Uint8Array) {
      const t = `[byte[]]@(${Array.from(value).join(',')})`;
      return { text: t, display: t, atomic: expressionMode };
    }
    if (value instanceof Secret) return this.secret(value);
    if (Array.isArray(value)) {
      if (value.length === 0) return lit('@()');
      const items = value.map((v) => this.value(undefined, v as ParameterValue, false));
      const wrap = (r: Rendered, key: 'text' | 'display') => (r.atomic ? r[key] : `(${r[key]})`);
      if (value.length === 1 && !(p && PS_TYPE_INFO[p.type].list)) {
        return { text: `@(${wrap(items[0]!, 'text')})`, display: `@(${wrap(items[0]!, 'display')})`, atomic: true };
      }
      return {
        text: items.map((r) => wrap(r, 'text')).join(','),
        display: items.map((r) => wrap(r, 'display')).join(','),
        atomic: true,
      };
    }
    if (isExpression(value)) return this.expression(value as Expression, expressionMode);
    throw new TypeError(`Cannot render a value of type ${typeof value}`);
  }

  private expression(e: Expression, expressionMode: boolean): Rendered {
    switch (e.kind) {
      case 'variable':
        return lit(`$${[e.name, ...e.path].join('.')}`);
      case 'fileBytes':
        return this.fileBytes(e.path, expressionMode);
      case 'secretPrompt':
        return this.prompt(e.prompt);
      case 'expression': {
        const atomic = /^(?:\(|\$|@\(|"|')/.test(e.text);
        return { text: e.text, display: e.text, atomic };
      }
      case 'pipelineInput':
        throw new TypeError('Pipeline input has no text of its own');
    }
  }

  private secret(s: Secret): Rendered {
    switch (this.secrets) {
      case 'inline': {
        // Rendered through the generic invocation path so quoting rules (`--%`, Mode A) apply to the password too.
        const call = (value: string) =>
          this.invocation(this.dialect.secureString.invocation(value), undefined, false).text;
        if (s.reveal() === '') return lit(EMPTY_SECURE_STRING);
        return { text: `(${call(s.reveal())})`, display: `(${call(REDACTED_TEXT)})`, atomic: true };
      }
      case 'prompt':
        return this.prompt(passwordPromptText(s.name));
      case 'variable':
        return lit(`$${this.secretVariable(s)}`);
    }
  }

  /** `(Read-Host [-Prompt '...'] -AsSecureString)`. */
  private prompt(prompt: string | null): Rendered {
    return lit(`(${this.invocation(secureStringPrompt(prompt), undefined, false).text})`);
  }

  /** The variable name a secret travels in; one name per distinct secret. */
  private secretVariable(s: Secret): string {
    for (const [name, existing] of this.secretVariables)
      if (existing === s || (existing.equals(s) && existing.name === s.name)) return name;
    const base = s.name ?? 'ExchcertPassword';
    let name = base;
    for (let i = 2; this.secretVariables.has(name); i++) name = `${base}${i}`;
    this.secretVariables.set(name, s);
    return name;
  }

  /** The dialect's way of reading a file's bytes (the .NET read everywhere with `bytes: 'dotnet'`). */
  private fileBytes(path: string, expressionMode: boolean): Rendered {
    if (this.dotnetBytes) {
      const t = readAllBytesCall(quoteString(path, this.quoting));
      return { text: t, display: t, atomic: false };
    }
    const inner = this.invocation(this.dialect.fileBytes.invocation(path), undefined, expressionMode);
    const t = byteCast(inner.text);
    // PowerShell scans a statement-initial `[...]$(...)` with naive bracket counting: a bracket in the path breaks it.
    const safe = expressionMode && /[()[\]{}]/.test(path) ? `(${t})` : t;
    return { text: safe, display: safe, atomic: false };
  }

  private writeFile(
    path: string,
    value: Expression | string,
    content: 'text' | 'bytes',
  ): { text: string; display: string } {
    const v = this.value(undefined, value, true);
    if (content === 'bytes') {
      const t = writeAllBytesCall(quoteString(path, this.quoting), v.text);
      return { text: t, display: t };
    }
    const r = this.invocation(
      createInvocation('Set-Content', 'LiteralPath', {
        literalPath: [path],
        value: typeof value === 'string' ? [value] : value,
      }),
      undefined,
    );
    return { text: r.text, display: r.display };
  }

  private exportToFile(exp: Invocation, path: string, variable: string): { text: string; display: string }[] {
    if (exportsOnServer(exp.cmdlet, this.exchange)) {
      const r = this.invocation(serverSideExport(exp, path), undefined);
      return [{ text: r.text, display: r.display }];
    }
    const r = this.invocation(binaryExport(exp), undefined);
    const write = this.writeFile(path, fileDataOf(variable), 'bytes');
    return [{ text: `$${variable} = ${r.text}`, display: `$${variable} = ${r.display}` }, write];
  }

  /** Refuses parameters (and values) the target Exchange version or shell does not have. */
  private checkAvailable(cmdlet: string, p: ParameterSpec, value: ParameterValue): void {
    if (!p.shells.includes(this.dialect.shell)) {
      throw new ValidationError({
        code: 'NOT_AVAILABLE_IN_SHELL',
        cmdlet,
        parameter: p.name,
        allowed: `PowerShell ${p.shells.join(', ')}`,
        message: `${cmdlet} -${p.name} does not exist in ${this.dialect.title} (it exists in PowerShell ${p.shells.join(', ')}).`,
      });
    }
    if (this.exchange && !isAvailable(p.exchange, this.exchange)) {
      const where = describeAvailability(p.exchange);
      throw new ValidationError({
        code: 'NOT_AVAILABLE_ON_TARGET',
        cmdlet,
        parameter: p.name,
        allowed: where,
        message: `${cmdlet} -${p.name} does not exist on Exchange ${this.exchange.label} (it exists on ${where}).${p.instead ? ` Use ${p.instead} instead.` : ''}`,
      });
    }
    if (this.exchange && p.type === 'AllowedServices' && Array.isArray(value)) {
      const { major, label } = this.exchange;
      const missing = (value as unknown[]).find(
        (v) => typeof v === 'string' && !serviceInEnum(major, v as AllowedService),
      );
      if (typeof missing === 'string') {
        const allowed = EXCHANGE_SERVICES[major].enumValues.join(', ');
        throw new ValidationError({
          code: 'NOT_AVAILABLE_ON_TARGET',
          cmdlet,
          parameter: p.name,
          value: missing,
          allowed,
          message: `${cmdlet} -${p.name}: Exchange ${label} has no ${missing} service (allowed there: ${allowed}).`,
        });
      }
    }
  }
}

function lit(text: string): Rendered {
  return { text, display: text, atomic: true };
}

function firstStringIs(value: ParameterValue, expected: string): boolean {
  if (typeof value === 'string') return value === expected;
  if (Array.isArray(value) && value.length > 0) return firstStringIs(value[0] as ParameterValue, expected);
  return false;
}
