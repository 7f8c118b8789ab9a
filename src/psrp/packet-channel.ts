// What the runspace pool needs from a byte pipe: write a packet line, get packet lines and the end.
/** A line-oriented duplex carrying out-of-process packets (pwsh -s stdio, an SSH subsystem channel). */
export interface PacketChannel {
  /** Writes one packet line (the channel adds the newline). */
  write(line: string): void;
  /** Called for every line the peer writes. */
  onLine(handler: (line: string) => void): void;
  /** Called once when the pipe ends; `reason` says how. */
  onClose(handler: (reason: string) => void): void;
  /** Ends the pipe (and the process behind it). */
  close(): Promise<void>;
}
