import { isCmdletBuilder } from '../cmdlet/cmdlet-builder.js';
import type { CmdletBuilder } from '../cmdlet/cmdlet-builder.js';
import { isScriptBuilder } from '../cmdlet/script-builder.js';
import type { ScriptBuilder } from '../cmdlet/script-builder.js';
import type { Invocation } from '../node/invocation.js';
import type { Statement } from '../node/statement.js';
import { parseExchangeTarget } from '../spec/exchange-target.js';
import { parseShellVersion } from '../spec/shell-version.js';
import type { CompiledScript } from './compiled-script.js';
import { Compiler } from './compiler.js';
import { dialectFor } from './dialects.js';
import type { RenderOptions } from './render-options.js';

/** Anything that renders: a builder, a plain invocation, a script, or statements. */
export type Renderable = CmdletBuilder | Invocation | ScriptBuilder | readonly Statement[];

function statementsOf(x: Renderable): readonly Statement[] {
  if (isScriptBuilder(x)) return x.statements;
  if (Array.isArray(x)) return x as readonly Statement[];
  if (isCmdletBuilder(x) || typeof (x as Invocation).cmdlet === 'string') {
    return [{ kind: 'pipeline', elements: [x as Invocation], assignTo: null }];
  }
  throw new TypeError('render takes a cmdlet builder, an invocation or a script');
}

/**
 * Compiles to exact text for a dialect and Exchange target, with the secrets the backend must supply.
 * @example compile(exportExchangeCertificate({ thumbprint: '...', password: secret('x') }), { shell: '5.1' }).secretVariables
 */
export function compile(x: Renderable, options: RenderOptions = {}): CompiledScript {
  const exchange = options.exchange === undefined ? undefined : parseExchangeTarget(options.exchange);
  const shell = parseShellVersion(options.shell, exchange);
  const compiler = new Compiler({
    dialect: dialectFor(shell),
    exchange,
    secrets: options.secrets ?? 'variable',
    quoting: options.quoting ?? 'literal',
    dotnetBytes: options.bytes === 'dotnet',
  });
  const rendered = statementsOf(x).flatMap((s) => compiler.statement(s));
  const lines = rendered.map((r) => r.text);
  return Object.freeze({
    text: lines.join('\n'),
    displayText: rendered.map((r) => r.display).join('\n'),
    lines: Object.freeze(lines),
    shell,
    exchange,
    secretsMode: compiler.secrets,
    secretVariables: compiler.secretVariables,
    invocations: Object.freeze(compiler.invocations),
  });
}

/**
 * The exact text of a command or script for a dialect (`shell`), Exchange target (`exchange`) and secrets mode.
 * @example
 * render(getExchangeCertificate({ server: 'AMS-EXCH01' }), { shell: '5.1' })
 * // "Get-ExchangeCertificate -Server 'AMS-EXCH01'"
 */
export function render(x: Renderable, options: RenderOptions = {}): string {
  return compile(x, options).text;
}
