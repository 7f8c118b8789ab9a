// The process-wide default of whether a state's key pool tops itself up after a key is taken.
let refillAfterUse = true;

/**
 * Whether states opened from now on top their key pool up after a key is taken. The CLI turns it off for commands
 * that exit after one call (they take pooled keys and never wait for new ones); a shell or an engine keeps it on.
 * @example setKeyPoolRefillAfterUse(false); const state = openMockState(dir); // state.keyPool fills only on refill()
 */
export function setKeyPoolRefillAfterUse(on: boolean): void {
  refillAfterUse = on;
}

/** The current default (true unless setKeyPoolRefillAfterUse turned it off). */
export function keyPoolRefillAfterUse(): boolean {
  return refillAfterUse;
}
