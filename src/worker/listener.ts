/**
 * The outages that need a stopped process, done by the worker itself when the supervisor does
 * not own its process (engine external, docs/engines.md): `kill refused` closes the listener
 * (the port refuses, every connection dropped, as when the process dies), `restart warm|cold`
 * reopens it (cold: the planning dropped, as after a power cut; a kill's blackhole or reset
 * lifted, as a new process would). A closed worker cannot be called: it asks the supervisor
 * (`GET /_fleet/listener`) every POLL_MS whether a restart waits for it.
 */
import type http from 'node:http';
import { httpCall, internalHeaders } from '../shared/http-client.js';
import type { Logger } from '../shared/log.js';
import type { WorkerRuntime } from './runtime.js';

export type ReopenKind = 'warm' | 'cold';

const POLL_MS = 200;

export class ListenerControl {
  closed = false;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly server: http.Server,
    private readonly rt: WorkerRuntime,
    private readonly supervisorUrl: string | null,
    private readonly secret: string | null,
    private readonly log: Logger,
  ) {}

  /** `kill refused`: the port refuses until a restart. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.drop();
    this.log.info({ host: this.rt.config.host, port: this.rt.config.port }, 'listener closed (kill refused)');
    this.waitForRestart();
  }

  /** `restart warm|cold`: as a new process of the same MK6, on the same port. */
  async reopen(kind: ReopenKind): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    // Asked on its own port: that call's connection is kept to answer it (the idle and held ones go).
    if (!this.closed) this.drop(false);
    this.closed = true;
    this.rt.network.outage = null;
    if (kind === 'cold') this.rt.mk6.clearPlanning(this.rt.now());
    this.rt.networkChanged(); // persisted with the planning's loss before the port answers again
    await this.rt.commit();
    await new Promise<void>((ok, fail) => {
      this.server.once('error', fail);
      this.server.listen(this.rt.config.port, this.rt.config.host, () => {
        this.server.off('error', fail);
        ok();
      });
    });
    this.closed = false;
    this.log.info({ host: this.rt.config.host, port: this.rt.config.port, kind }, 'listener reopened (restart)');
  }

  /** The process stops: no more asking. */
  stop(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }

  private drop(all = true): void {
    this.server.close();
    if (all) this.server.closeAllConnections();
    else this.server.closeIdleConnections();
    this.rt.network.releaseHeld();
  }

  private waitForRestart(): void {
    if (!this.supervisorUrl) {
      this.poll = setInterval(() => {}, 60_000); // alone: closed until the process stops (and alive till then)
      return;
    }
    const url = new URL('/_fleet/listener', this.supervisorUrl);
    url.searchParams.set('mk6_id', this.rt.config.id);
    const ask = async () => {
      this.poll = null;
      const res = await httpCall(url.href, { headers: internalHeaders(this.secret), timeoutMs: 1000 }).catch(() => null);
      const body = res?.status === 200 ? (res.body as { open?: unknown; kind?: unknown } | null) : null;
      if (body?.open === true && this.closed) {
        await this.reopen(body.kind === 'cold' ? 'cold' : 'warm').catch((err) => {
          this.log.error({ err }, 'listener: reopen failed');
          this.closed = true;
        });
      }
      if (this.closed && !this.rt.stopping) {
        this.poll = setTimeout(() => void ask(), POLL_MS);
      }
    };
    this.poll = setTimeout(() => void ask(), POLL_MS); // kept referenced: with its port closed, it is what keeps the process alive
  }
}
