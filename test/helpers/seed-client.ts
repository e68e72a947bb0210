/**
 * Sends the seed's curl calls to a real fleet: all through the front proxy (BASE = the proxy,
 * exactly as written), or each straight to the port of the MK6 its path names. Fleet-wide
 * controls (/mock/time, /mock/reset, /supervision) and the provisioning that spawns a new MK6
 * still go through the front, which alone does them, unless the client is pinned to one port.
 */
import assert from 'node:assert/strict';
import { call, ROUVAI, type Answer } from './fleet.js';

const MK6_PATH = /^\/(?:api\/v1\/mk6|mock\/mk6)\/([^/]+)/;

export class SeedClient {
  /** MK6s spawned by provisioning, by id: where their own port answers. */
  private readonly spawned = new Map<string, string>();
  private readonly aliases = new Map(ROUVAI.flatMap((m) => (m.aliases ?? []).map((a) => [a, m.id] as const)));

  /** `pinned`: every call, fleet-wide ones too, to that one BASE (a worker's own port). */
  constructor(readonly fleet: { url: string; ports: Record<string, number>; worker(id: string): string; host?(id: string): string }, readonly direct: boolean, readonly pinned?: string) {}

  /** The address an MK6 of the fleet listens on (loopback, unless the fleet puts each on its own host). */
  hostOf(id: string): string {
    return this.fleet.host?.(id) ?? '127.0.0.1';
  }

  /** The BASE a seed call goes to. */
  base(path: string): string {
    if (this.pinned) return this.pinned;
    const m = MK6_PATH.exec(path);
    if (!this.direct || !m) return this.fleet.url;
    const name = decodeURIComponent(m[1]);
    const id = this.aliases.get(name) ?? name;
    if (id in this.fleet.ports) return this.fleet.worker(id);
    return this.spawned.get(id) ?? this.fleet.url; // not born yet: the front spawns it
  }

  async call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer> {
    const base = this.base(path);
    if (this.direct && MK6_PATH.test(path) && !this.pinned) {
      if (base === this.fleet.url) assert.match(path, /\/provision$/, `${path}: only a spawning provision goes through the front`);
      else assert.notEqual(new URL(base).port, new URL(this.fleet.url).port);
    }
    const res = await call(base, method, path, body, headers);
    if (path === '/mock/reset' && res.status === 200) this.spawned.clear();
    const provisioned = /^\/mock\/mk6\/([^/]+)\/provision$/.exec(path);
    if (provisioned && res.status === 200 && typeof res.body.url === 'string') this.spawned.set(decodeURIComponent(provisioned[1]), res.body.url);
    return res;
  }

  get = (path: string, headers?: Record<string, string>) => this.call('GET', path, undefined, headers);
  post = (path: string, body?: unknown) => this.call('POST', path, body);

  /** A call the seed expects to succeed, with that status. */
  async ok(method: string, path: string, body?: unknown, status = 200): Promise<any> {
    const res = await this.call(method, path, body);
    assert.equal(res.status, status, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async reset(): Promise<void> {
    await this.ok('POST', '/mock/reset');
  }

  async time(now: string): Promise<void> {
    const body = await this.ok('POST', '/mock/time', { now });
    assert.equal(body.now, now.replace('Z', '+00:00'));
  }

  async provision(id: string, sites: unknown[]): Promise<any> {
    const body = await this.ok('POST', `/mock/mk6/${id}/provision`, { sites });
    assert.equal(body.mk6_id, id);
    assert.equal(body.sites, sites.length);
    assert.equal(typeof body.port, 'number');
    assert.equal(body.url, `http://${this.hostOf(id)}:${body.port}`);
    if (id in this.fleet.ports) assert.equal(body.port, this.fleet.ports[id]);
    return body;
  }

  /** GET one site's monitoring (SiteView). */
  async site(id: string, sycode: string): Promise<any> {
    return this.ok('GET', `/api/v1/mk6/${id}/monitoring/sites/${sycode}`);
  }

  async request(id: string, body: Record<string, unknown>, status = 201): Promise<any> {
    return this.ok('POST', `/api/v1/mk6/${id}/requests`, body, status);
  }
}
