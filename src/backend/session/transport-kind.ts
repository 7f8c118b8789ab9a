// The names of the real backends' transports and the default (kept free of imports for the CLI's fast path).
/** The transports a real backend can use. */
export const TRANSPORT_KINDS = ['runner', 'psrp'] as const;
/** One of TRANSPORT_KINDS. */
export type TransportKind = (typeof TRANSPORT_KINDS)[number];
/** The default, as the bench picked it (see README, "Transports"). */
export const DEFAULT_TRANSPORT: TransportKind = 'runner';
