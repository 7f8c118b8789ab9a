// The one error the PSRP layers raise for bytes or XML a peer should never have sent.
import { ExchcertError } from '../errors/exchcert-error.js';

/**
 * Malformed CLIXML, fragments, messages or framing; `where` names the layer.
 * @example try { parseClixml('<Objs>') } catch (e) { if (e instanceof PsrpProtocolError) console.error(e.where, e.message) }
 */
export class PsrpProtocolError extends ExchcertError {
  /** The layer that refused the input: clixml, fragment, message, framing, session. */
  readonly where: string;
  constructor(where: string, message: string, options?: { cause?: unknown }) {
    super('PSRP_PROTOCOL', `PSRP ${where}: ${message}`, options);
    this.where = where;
  }
}
