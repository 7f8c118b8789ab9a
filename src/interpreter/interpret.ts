// Entry points of the runbook interpreter: run one script, or keep a session for the REPL.
import type { ScriptBlockAst } from '../ast/ast.js';
import { Interpreter } from './interpreter.js';
import type { InterpretResult, InterpreterEnv, InterpreterSession } from './interpreter-env.js';

/**
 * Runs a runbook against the simulated Exchange and file system with PowerShell's semantics.
 * @example const result = await interpret("$cert = Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\x.cer'))", env)
 */
export async function interpret(script: string | ScriptBlockAst, env: InterpreterEnv): Promise<InterpretResult> {
  return new Interpreter(env).run(script);
}

/**
 * A session for the REPL: variables, `$Error` and preferences carry over between `run` calls.
 * @example const s = createInterpreterSession(env); await s.run('$x = 1'); await s.run('$x + 1')
 */
export function createInterpreterSession(env: InterpreterEnv): InterpreterSession {
  const interpreter = new Interpreter({ scope: 'global', ...env });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(text: string): Promise<InterpretResult> {
      const next = queue.then(() => interpreter.run(text));
      queue = next.catch(() => undefined);
      return next;
    },
    get variables() {
      return interpreter.variables;
    },
  };
}
