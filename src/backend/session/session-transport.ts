// Picks the transport of a real backend: the text runner or the PSRP client (`--transport`, `transport` in connect()).
import { PsrpTransport } from './psrp-transport.js';
import { PwshTransport } from './pwsh-transport.js';
import type { PwshTransportOptions } from './pwsh-transport.js';
import type { Transport } from './transport.js';
import { DEFAULT_TRANSPORT } from './transport-kind.js';
import type { TransportKind } from './transport-kind.js';

/**
 * A transport of the given kind (default DEFAULT_TRANSPORT) with the runner's options.
 * @example const t = sessionTransport('psrp', { bootstrap: [] }); await t.invoke({ text: 'Get-Date' });
 */
export function sessionTransport(kind: TransportKind | undefined, options: PwshTransportOptions): Transport {
  return (kind ?? DEFAULT_TRANSPORT) === 'psrp' ? new PsrpTransport(options) : new PwshTransport(options);
}
