import type { Expression } from '../node/expression.js';
import { assertIdentifier, isExpression } from '../node/expression.js';
import type { Invocation, ParameterValue } from '../node/invocation.js';
import type { Statement } from '../node/statement.js';
import { CmdletBuilder, isCmdletBuilder } from './cmdlet-builder.js';
import { pipelineTargets } from '../spec/pipeline-targets.js';
import { shellView } from '../spec/registry.js';

type Command = CmdletBuilder | Invocation;

const SCRIPT = Symbol.for('exchcert.script');

/** Fills the pipeline-input parameters of the commands after the first one, as the binder reads them back. */
function pipeline(commands: readonly Command[]): Invocation[] {
  if (commands.length === 0) throw new TypeError('A pipeline needs at least one command');
  return commands.map((c, i) => {
    if (i === 0 || !isCmdletBuilder(c)) return c;
    if (Object.values(c.parameters).some((v) => isExpression(v) && v.kind === 'pipelineInput')) return c;
    const view = shellView(c.spec, undefined);
    const boundNames = new Set(view.parameters.filter((p) => p.option in c.parameters).map((p) => p.name));
    const upstream = commands[i - 1]!.cmdlet;
    const targets = pipelineTargets(view, c.parameterSet, boundNames, upstream);
    return Object.keys(targets).length === 0 ? c : c.with(targets as never);
  });
}

/**
 * An immutable multi-statement runbook: assignments, pipelines, references to earlier results and file I/O.
 * @example
 * script()
 *   .assign('RequestData', newExchangeCertificate({ generateRequest: true, subjectName: 'CN=mail.contoso.com' }))
 *   .writeFile('C:\\install\\request.req', variable('RequestData'))
 */
export class ScriptBuilder {
  readonly [SCRIPT] = true;
  readonly statements: readonly Statement[];

  constructor(statements: readonly Statement[] = []) {
    this.statements = Object.freeze([...statements]);
    Object.freeze(this);
  }

  #add(s: Statement): ScriptBuilder {
    return new ScriptBuilder([...this.statements, Object.freeze(s)]);
  }

  /** This script followed by another one's statements. */
  append(other: ScriptBuilder): ScriptBuilder {
    return new ScriptBuilder([...this.statements, ...other.statements]);
  }

  /** Runs a command, or a pipeline of commands (`a | b | c`). */
  run(...commands: Command[]): ScriptBuilder {
    return this.#add({ kind: 'pipeline', elements: Object.freeze(pipeline(commands)), assignTo: null });
  }

  /** Same as run: `pipe(get, enable)` renders `Get-... | Enable-...`. */
  pipe(...commands: Command[]): ScriptBuilder {
    return this.run(...commands);
  }

  /** `$name = <command or pipeline>` or `$name = <value>` (e.g. fileBytes(path)). */
  assign(name: string, value: Command | readonly Command[] | ParameterValue): ScriptBuilder {
    assertIdentifier('variable', name);
    if (isCmdletBuilder(value) || isInvocation(value))
      return this.#add({ kind: 'pipeline', elements: Object.freeze(pipeline([value as Command])), assignTo: name });
    if (Array.isArray(value) && value.length > 0 && value.every((v) => isCmdletBuilder(v) || isInvocation(v))) {
      return this.#add({ kind: 'pipeline', elements: Object.freeze(pipeline(value as Command[])), assignTo: name });
    }
    return this.#add({ kind: 'assignValue', variable: name, value: value as ParameterValue });
  }

  /**
   * Writes a result to a file on the machine running the script: text (a request) or bytes (`$x.FileData`).
   * `content` defaults to `bytes` when the value is a `.FileData` member, else `text`.
   */
  writeFile(path: string, value: Expression | string, options: { content?: 'text' | 'bytes' } = {}): ScriptBuilder {
    if (typeof path !== 'string' || path.length === 0) throw new TypeError('writeFile needs a non-empty path');
    const content =
      options.content ??
      (isExpression(value) && value.kind === 'variable' && value.path.at(-1) === 'FileData' ? 'bytes' : 'text');
    return this.#add({ kind: 'writeFile', path, value, content });
  }

  /** Exports to a PFX file: `-FileName` where the target has it, else `-BinaryEncoded` plus a client-side write. */
  exportToFile(exportCommand: Command, path: string, options: { variable?: string } = {}): ScriptBuilder {
    if (exportCommand.cmdlet !== 'Export-ExchangeCertificate')
      throw new TypeError('exportToFile takes an Export-ExchangeCertificate command');
    const variable = options.variable ?? 'ExportResult';
    assertIdentifier('variable', variable);
    return this.#add({ kind: 'exportToFile', export: exportCommand, path, variable });
  }
}

/** An empty script. @example script().run(getExchangeCertificate()) */
export function script(): ScriptBuilder {
  return new ScriptBuilder();
}

/** True for a ScriptBuilder. */
export function isScriptBuilder(value: unknown): value is ScriptBuilder {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCRIPT] === true;
}

function isInvocation(value: unknown): value is Invocation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Invocation).cmdlet === 'string' &&
    typeof (value as Invocation).parameters === 'object' &&
    !isExpression(value)
  );
}

export { CmdletBuilder };
