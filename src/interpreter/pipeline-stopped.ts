// The user stopped the running command (Ctrl+C): no runbook code can catch it, the run ends where it was.

/**
 * Raised when the host cancels a run (InterpreterEnv.cancelled turns true) or an answer provider is cancelled at its
 * prompt; `run()` rejects with it and nothing of the interrupted cmdlet call is kept.
 * @example try { await session.run(text) } catch (e) { if (e instanceof PipelineStopped) console.log('stopped') }
 */
export class PipelineStopped extends Error {
  constructor() {
    super('The pipeline has been stopped.');
    this.name = 'PipelineStopped';
  }
}
