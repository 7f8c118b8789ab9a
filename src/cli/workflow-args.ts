// The parsed arguments of the workflow commands (renew, deploy, report, plan, apply, config), as yargs hands them.

/** The global options every command has. */
export interface GlobalArgs {
  readonly 'log-file'?: string | undefined;
  readonly verbose?: number | undefined;
  readonly quiet?: boolean | undefined;
  readonly json?: boolean | undefined;
  readonly backend?: string | undefined;
  readonly state?: string | undefined;
  readonly connect?: string | undefined;
}

/** The connection options of real backends (see backend-flags.ts) and the fan-out's throttle. */
export interface ConnectionArgs {
  readonly bootstrap?: string | undefined;
  readonly 'import-module'?: readonly string[] | undefined;
  readonly timeout?: number | undefined;
  readonly 'remote-server'?: string | undefined;
  readonly 'connection-uri'?: string | undefined;
  readonly authentication?: string | undefined;
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly user?: string | undefined;
  readonly 'key-file'?: string | undefined;
  readonly 'ssh-option'?: readonly string[] | undefined;
  readonly throttle?: number | undefined;
}

/** What every workflow command takes: global and connection options, and --what-if. */
export interface WorkflowArgs extends GlobalArgs, ConnectionArgs {
  readonly 'what-if'?: boolean | undefined;
}

/** The password sources of the workflows that open or write a PFX. */
export interface PasswordArgs {
  readonly 'password-file'?: string | undefined;
  readonly 'password-env'?: string | undefined;
  readonly 'password-stdin'?: boolean | undefined;
}

/** `exchcert renew`. */
export interface RenewArgs extends WorkflowArgs, PasswordArgs {
  readonly server: string;
  readonly 'subject-name': string;
  readonly 'domain-name': readonly string[];
  readonly services: readonly string[];
  readonly ca?: 'mock' | undefined;
  readonly 'certificate-file'?: string | undefined;
  readonly 'request-file'?: string | undefined;
  readonly 'backup-file'?: string | undefined;
  readonly 'also-on'?: readonly string[] | undefined;
  readonly 'friendly-name'?: string | undefined;
}

/** `exchcert deploy PFX`. */
export interface DeployArgs extends WorkflowArgs, PasswordArgs {
  readonly pfx: string;
  readonly servers: readonly string[];
  readonly services: readonly string[];
}

/** `exchcert report`. */
export interface ReportArgs extends WorkflowArgs {
  readonly servers?: readonly string[] | undefined;
  readonly html?: string | undefined;
}

/** `exchcert plan FILE` and `exchcert apply FILE`. */
export interface DesiredStateArgs extends WorkflowArgs, PasswordArgs {
  readonly file: string;
}

/** `exchcert config`. */
export type ConfigArgs = GlobalArgs;
