import type {
  Expression,
  FileBytesExpression,
  PipelineInputExpression,
  SecretPromptExpression,
  VariableExpression,
  VerbatimExpression,
} from '../node/expression.js';
import type { Secret } from '../node/secret.js';
import type { CmdletSpec, OptionName, ParameterSpec } from '../spec/cmdlet-spec.js';
import type { CommonParameterSpecs } from '../spec/common-parameters.js';
import type { ACTION_PREFERENCES, AllowedService, PsType } from '../spec/ps-type.js';

type ActionPreference = (typeof ACTION_PREFERENCES)[number];

type Ref = VariableExpression | VerbatimExpression;

/** The TypeScript type a builder option takes for a parameter type. */
export type OptionValue<T extends PsType> = T extends 'SwitchParameter' | 'Boolean'
  ? boolean | Ref
  : T extends 'Int32' | 'Int64'
    ? number | Ref
    : T extends 'ActionPreference'
      ? ActionPreference | Ref
      : T extends 'AllowedServices'
        ? | AllowedService
          | Lowercase<AllowedService>
          | readonly (AllowedService | Lowercase<AllowedService>)[]
          | string
          | Ref
        : T extends 'MultiValuedProperty' | 'String[]'
          ? string | readonly string[] | Ref
          : T extends 'Object[]'
            ? string | number | boolean | readonly (string | number | boolean)[] | Ref
            : T extends 'Byte[]'
              ? Uint8Array | FileBytesExpression | Ref
              : T extends 'SecureString'
                ? Secret | SecretPromptExpression | Ref
                : T extends 'X509Certificate2' | 'ScriptBlock' | 'Hashtable[]'
                  ? Ref | PipelineInputExpression
                  : string | Ref;

/** Options of a parameter: its value type, plus pipeline input where the parameter takes it. */
type OptionFor<P> =
  P extends ParameterSpec<infer _N, infer T>
    ? P['pipeline'] extends undefined
      ? OptionValue<T>
      : OptionValue<T> | PipelineInputExpression
    : never;

/** Builder options of a cmdlet table: camelCase parameter names, each optional. */
export type OptionsOf<S extends CmdletSpec> = {
  -readonly [P in S['parameters'][number] as OptionName<P['name']>]?: OptionFor<P>;
} & CommonOptions;

/** Common parameters every cmdlet takes, derived from spec/common-parameters.ts. */
export type CommonOptions = {
  -readonly [P in CommonParameterSpecs[number] as OptionName<P['name']>]?: OptionFor<P>;
};

export type { Expression };
