import assert from "node:assert/strict";
import { call, ROUVAI } from "./fleet.js";
const MK6_PATH = /^\/(?:api\/v1\/mk6|mock\/mk6)\/([^/]+)/;
class SeedClient {
  /** `pinned`: every call, fleet-wide ones too, to that one BASE (a worker's own port). */
  constructor(fleet, direct, pinned) {
    this.fleet = fleet;
    this.direct = direct;
    this.pinned = pinned;
  }
  fleet;
  direct;
  pinned;
  /** MK6s spawned by provisioning, by id: where their own port answers. */
  spawned = /* @__PURE__ */ new Map();
  aliases = new Map(ROUVAI.flatMap((m) => (m.aliases ?? []).map((a) => [a, m.id])));
  /** The address an MK6 of the fleet listens on (loopback, unless the fleet puts each on its own host). */
  hostOf(id) {
    return this.fleet.host?.(id) ?? "127.0.0.1";
  }
  /** The BASE a seed call goes to. */
  base(path) {
    if (this.pinned) return this.pinned;
    const m = MK6_PATH.exec(path);
    if (!this.direct || !m) return this.fleet.url;
    const name = decodeURIComponent(m[1]);
    const id = this.aliases.get(name) ?? name;
    if (id in this.fleet.ports) return this.fleet.worker(id);
    return this.spawned.get(id) ?? this.fleet.url;
  }
  async call(method, path, body, headers) {
    const base = this.base(path);
    if (this.direct && MK6_PATH.test(path) && !this.pinned) {
      if (base === this.fleet.url) assert.match(path, /\/provision$/, `${path}: only a spawning provision goes through the front`);
      else assert.notEqual(new URL(base).port, new URL(this.fleet.url).port);
    }
    const res = await call(base, method, path, body, headers);
    if (path === "/mock/reset" && res.status === 200) this.spawned.clear();
    const provisioned = /^\/mock\/mk6\/([^/]+)\/provision$/.exec(path);
    if (provisioned && res.status === 200 && typeof res.body.url === "string") this.spawned.set(decodeURIComponent(provisioned[1]), res.body.url);
    return res;
  }
  get = (path, headers) => this.call("GET", path, void 0, headers);
  post = (path, body) => this.call("POST", path, body);
  /** A call the seed expects to succeed, with that status. */
  async ok(method, path, body, status = 200) {
    const res = await this.call(method, path, body);
    assert.equal(res.status, status, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async reset() {
    await this.ok("POST", "/mock/reset");
  }
  async time(now) {
    const body = await this.ok("POST", "/mock/time", { now });
    assert.equal(body.now, now.replace("Z", "+00:00"));
  }
  async provision(id, sites) {
    const body = await this.ok("POST", `/mock/mk6/${id}/provision`, { sites });
    assert.equal(body.mk6_id, id);
    assert.equal(body.sites, sites.length);
    assert.equal(typeof body.port, "number");
    assert.equal(body.url, `http://${this.hostOf(id)}:${body.port}`);
    if (id in this.fleet.ports) assert.equal(body.port, this.fleet.ports[id]);
    return body;
  }
  /** GET one site's monitoring (SiteView). */
  async site(id, sycode) {
    return this.ok("GET", `/api/v1/mk6/${id}/monitoring/sites/${sycode}`);
  }
  async request(id, body, status = 201) {
    return this.ok("POST", `/api/v1/mk6/${id}/requests`, body, status);
  }
}
export {
  SeedClient
};
