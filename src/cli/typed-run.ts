import { CmdletBuilder } from '../cmdlet/cmdlet-builder.js';
import { ValidationError } from '../errors/validation-error.js';
import { compile } from '../dialect/render.js';
import type { RenderOptions } from '../dialect/render-options.js';
import { readFileSync } from 'node:fs';
import { variable } from '../node/expression.js';
import { FILE_DATA_VARIABLE } from '../workflow/file-data.js';
import type { Secret } from '../node/secret.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './cli-io.js';
import type { TypedCommand } from './typed-commands.js';
import { cliOptions } from './typed-commands.js';
import type { OutputOptions } from './output-options.js';
export type { OutputOptions } from './output-options.js';

/** Parsed values of a typed subcommand, keyed by kebab-case flag. */
export type FlagValues = Readonly<Record<string, unknown>>;

/** Bytes of `--file-data` files, read on this machine, keyed by the variable the line names. */
export function fileVariables(cmd: TypedCommand, flags: FlagValues): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const o of cliOptions(cmd)) {
    const v = flags[o.flag];
    if (o.kind !== 'file-bytes' || v === undefined) continue;
    try {
      out[FILE_DATA_VARIABLE] = new Uint8Array(readFileSync(String(v)));
    } catch (e) {
      throw new ValidationError({
        code: 'INPUT_FILE',
        cmdlet: cmd.spec.name,
        parameter: o.flag,
        value: String(v),
        allowed: 'a readable file on this machine',
        message: `--${o.flag} '${String(v)}' cannot be read on this machine: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
      });
    }
  }
  return out;
}

function split(values: unknown): string[] {
  const list = Array.isArray(values) ? values : [values];
  return list
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Builder options from CLI flag values: arrays split on commas, byte parameters read from the named file. */
export function builderOptions(
  cmd: TypedCommand,
  flags: FlagValues,
  password: Secret | undefined,
): Record<string, unknown> {
  const options: Record<string, unknown> = { ...cmd.fixed };
  const byParameter = new Map(cliOptions(cmd).map((o) => [o.parameter, o]));
  // Table order, so both CLI paths print the same line whatever order the flags came in.
  for (const [p, o] of byParameter) {
    if (p.type === 'SecureString') continue;
    const v = flags[o.flag];
    if (v === undefined) continue;
    switch (o.kind) {
      case 'boolean':
        options[p.option] = v;
        break;
      case 'number': {
        const n = typeof v === 'number' ? v : Number(v);
        if (!Number.isFinite(n)) {
          throw new ValidationError({
            code: 'INVALID_VALUE',
            cmdlet: cmd.spec.name,
            parameter: p.name,
            value: String(v),
            allowed: 'a whole number',
            message: `--${o.flag}: '${String(v)}' is not a number.`,
          });
        }
        options[p.option] = n;
        break;
      }
      case 'array':
        options[p.option] = split(v);
        break;
      // Read on this machine: the line names a variable the backend fills with the bytes (as for secrets).
      case 'file-bytes':
        options[p.option] = variable(FILE_DATA_VARIABLE);
        break;
      case 'string':
        options[p.option] = String(v);
        break;
    }
  }
  if (password) {
    // -Password goes where the table has it.
    const ordered: Record<string, unknown> = {};
    const passwordIndex = cmd.spec.parameters.findIndex((p) => p.type === 'SecureString');
    const before = new Set(cmd.spec.parameters.slice(0, passwordIndex).map((p) => p.option as string));
    for (const [k, v] of Object.entries(options)) if (before.has(k) || k in cmd.fixed) ordered[k] = v;
    ordered.password = password;
    for (const [k, v] of Object.entries(options)) if (!(k in ordered)) ordered[k] = v;
    return ordered;
  }
  return options;
}

function enumOption(name: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value === undefined || allowed.includes(value)) return value;
  throw new ValidationError({
    code: 'INVALID_OPTION',
    parameter: name,
    value,
    allowed: allowed.join(', '),
    message: `--${name} '${value}' is not allowed. Allowed: ${allowed.join(', ')}.`,
  });
}

/** Renders one typed subcommand (print), or runs it on the named backend; returns the exit code. */
export async function runTyped(
  cmd: TypedCommand,
  flags: FlagValues,
  out: OutputOptions,
  password: Secret | undefined,
  io: CliIo,
): Promise<number> {
  if (out.servers !== undefined) return runTypedOnServers(cmd, flags, out, password, io);
  const builder = new CmdletBuilder(cmd.spec, builderOptions(cmd, flags, password) as never);
  const options: RenderOptions = {
    ...(out.shell !== undefined ? { shell: out.shell } : {}),
    ...(out.exchange !== undefined ? { exchange: out.exchange } : {}),
    ...(out.secrets !== undefined
      ? { secrets: enumOption('secrets', out.secrets, ['inline', 'variable', 'prompt']) as RenderOptions['secrets'] }
      : {}),
    ...(out.quoting !== undefined
      ? { quoting: enumOption('quoting', out.quoting, ['literal', 'ascii']) as RenderOptions['quoting'] }
      : {}),
    ...(out.bytes !== undefined
      ? { bytes: enumOption('bytes', out.bytes, ['dialect', 'dotnet']) as RenderOptions['bytes'] }
      : {}),
  };
  if (out.backend !== 'print') {
    // Loaded only here: the print path stays light. The registry knows the backends (an unknown name fails there).
    const { runOnBackend } = await import('./run-on-backend.js');
    const backendOptions = {
      ...(out.state ? { state: out.state } : {}),
      ...(out.connect ? { connect: out.connect } : {}),
      ...out.backendOptions,
    };
    return runOnBackend(out.backend, builder, options, backendOptions, out, io, fileVariables(cmd, flags));
  }
  const compiled = compile(builder, options);
  // The printed text is exactly what runs; inline secrets appear only because the caller asked for --secrets inline.
  io.stdout.write(`${compiled.text}\n`);
  return EXIT.ok;
}

/** `--servers`: one call per server (the print backend prints one line per server). */
async function runTypedOnServers(
  cmd: TypedCommand,
  flags: FlagValues,
  out: OutputOptions,
  password: Secret | undefined,
  io: CliIo,
): Promise<number> {
  const { runMany } = await import('./run-many.js');
  const { parseServers } = await import('../backend/fan-out.js');
  const base = builderOptions(cmd, flags, password);
  if (base.server !== undefined) {
    throw new ValidationError({
      code: 'INVALID_OPTION',
      parameter: 'servers',
      value: out.servers!,
      allowed: '--servers or --server, not both',
      message: '--servers pins every call with -Server itself; leave out --server.',
    });
  }
  const render: RenderOptions = {
    ...(out.shell !== undefined ? { shell: out.shell } : {}),
    ...(out.exchange !== undefined ? { exchange: out.exchange } : {}),
  };
  if (out.backend === 'print') {
    for (const server of parseServers(out.servers!)) {
      io.stdout.write(`${compile(new CmdletBuilder(cmd.spec, { ...base, server } as never), render).text}\n`);
    }
    return EXIT.ok;
  }
  const backendOptions = {
    ...(out.state ? { state: out.state } : {}),
    ...(out.connect ? { connect: out.connect } : {}),
    ...out.backendOptions,
  };
  const many = {
    backend: out.backend,
    servers: out.servers!,
    throttle: out.throttle,
    json: out.json,
    answers: out.answers,
  };
  return runMany(cmd.spec, base, render, backendOptions, many, io, fileVariables(cmd, flags));
}
