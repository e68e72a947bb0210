/**
 * Calls the front passed on to an MK6 just before a kill blackholed it: its worker now holds
 * them and will never answer. The front gives up on them as on any call made to a blackholed
 * MK6 (504 MK6_UNREACHABLE after the blackhole timeout); without this, a call that raced the
 * kill hung until its caller gave up (found by the lifecycle interleavings property).
 */
import type http from 'node:http';

export class BlackholedCalls {
  /** Per MK6 id, the calls on their way to its worker with no blackhole timeout of their own. */
  private readonly open = new Map<string, Set<http.ClientRequest>>();

  constructor(
    private readonly timeoutMs: number,
    private readonly isBlackholed: (id: string) => boolean,
  ) {}

  /** A call passed on to MK6 `id` while it was not blackholed, until its answer ends. */
  track(id: string, proxyReq: http.ClientRequest, res: http.ServerResponse): void {
    // Its socket came after the kill (the proxy emits once one is assigned): no need to wait for the event.
    if (this.isBlackholed(id)) return this.giveUpLater(id, proxyReq);
    let calls = this.open.get(id);
    if (!calls) this.open.set(id, (calls = new Set()));
    const set = calls.add(proxyReq);
    res.once('close', () => {
      set.delete(proxyReq);
      if (set.size === 0 && this.open.get(id) === set) this.open.delete(id);
    });
  }

  /** MK6 `id` went silent: its open calls get the timeout a new call gets. */
  blackholed(id: string): void {
    for (const proxyReq of this.open.get(id) ?? []) this.giveUpLater(id, proxyReq);
  }

  private giveUpLater(id: string, proxyReq: http.ClientRequest): void {
    const giveUp = () => {
      // A restart in the meantime ends the held call itself; the proxy's error handler answers 504.
      if (this.isBlackholed(id) && !proxyReq.destroyed) proxyReq.destroy(new Error('timeout'));
    };
    setTimeout(giveUp, this.timeoutMs).unref();
  }
}
