import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { checkedSites } from "../../src/config/sites-file.js";
import { createLogger } from "../../src/shared/log.js";
import { SECRET_ENV } from "../../src/shared/internal.js";
import { parseConditionList } from "../../src/worker/network/state.js";
import { clockFromEnv } from "../../src/contract/mk6-clock.js";
import { startWorkerServer } from "../../src/worker/server.js";
import { request } from "./worker-process.js";
import { api, assertError, mock, provision, request as request2, setTime } from "./worker-process.js";
process.setMaxListeners(0);
function quietLogger(base = {}) {
  const level = process.env.LOG_LEVEL ?? "silent";
  const destination = level === "silent" ? new Writable({ write: (_c, _e, done) => done() }) : process.stderr;
  return createLogger({ level, base, destination });
}
function configFromEnv(env) {
  const tokenEnv = env.MK6_TOKEN_ENV;
  return {
    id: env.MK6_ID ?? "",
    aliases: (env.MK6_ALIASES ?? "").split(",").filter(Boolean),
    host: env.MK6_HOST ?? "127.0.0.1",
    port: Number(env.MK6_PORT ?? 0),
    seed: Number(env.MK6_SEED ?? 1) | 0,
    initialSites: env.MK6_SITES_JSON ? checkedSites(JSON.parse(env.MK6_SITES_JSON), "MK6_SITES_JSON") : [],
    initialNetwork: env.MK6_NETWORK_JSON ? parseConditionList(JSON.parse(env.MK6_NETWORK_JSON), "MK6_NETWORK_JSON") : [],
    initialClock: clockFromEnv(env.MK6_CLOCK_JSON),
    stateDir: env.MK6_STATE_DIR ?? ".fleet-state",
    initialToken: tokenEnv ? env[tokenEnv] || null : null,
    supervisorUrl: env.MK6_SUPERVISOR_URL || null,
    internalSecret: env[SECRET_ENV] || null
  };
}
const PROCESS_ENV_KEYS = ["MK6_FAST_LANE"];
let booting = Promise.resolve();
function withProcessEnv(env, start) {
  const run = booting.then(async () => {
    const saved = PROCESS_ENV_KEYS.map((k) => [k, process.env[k]]);
    for (const k of PROCESS_ENV_KEYS) if (env[k] === void 0) delete process.env[k];
    else process.env[k] = env[k];
    try {
      return await start();
    } finally {
      for (const [k, v] of saved) if (v === void 0) delete process.env[k];
      else process.env[k] = v;
    }
  });
  booting = run.catch(() => {
  });
  return run;
}
async function startWorker(opts) {
  const ownsDir = opts.stateDir === void 0;
  const stateDir = opts.stateDir ?? mkdtempSync(join(tmpdir(), `mk6-app-${opts.id}-`));
  const env = { MK6_ID: opts.id, MK6_STATE_DIR: stateDir, ...opts.aliases?.length ? { MK6_ALIASES: opts.aliases.join(",") } : {}, ...opts.sites ? { MK6_SITES_JSON: JSON.stringify(opts.sites) } : {}, ...opts.env };
  const boot = () => withProcessEnv(env, () => startWorkerServer(configFromEnv(env), quietLogger({ mk6_id: opts.id })));
  let running = null;
  try {
    running = await boot();
  } catch (err) {
    if (ownsDir) rmSync(stateDir, { recursive: true, force: true });
    throw err;
  }
  const halt = async () => {
    const r = running;
    running = null;
    if (!r) return;
    await r.close();
    r.server.closeAllConnections();
  };
  const live = () => {
    if (!running) throw new Error(`worker ${opts.id} is not running`);
    return running;
  };
  const handle = {
    id: opts.id,
    stateDir,
    get server() {
      return live();
    },
    get port() {
      return live().port;
    },
    get url() {
      return `http://127.0.0.1:${live().port}`;
    },
    get pid() {
      live();
      return process.pid;
    },
    stderr: "",
    http: (method, path, body, headers) => request(handle.url, method, path, body, headers),
    async stop() {
      await halt();
      if (ownsDir) rmSync(stateDir, { recursive: true, force: true });
    },
    kill9() {
      throw new Error("an in-process worker cannot be killed: use test/helpers/worker-process.ts");
    },
    async restart() {
      await halt();
      running = await boot();
    }
  };
  return handle;
}
async function startFor(t, opts) {
  const worker = await startWorker(opts);
  t.after(() => worker.stop());
  return worker;
}
export {
  api,
  assertError,
  configFromEnv,
  mock,
  provision,
  quietLogger,
  request2 as request,
  setTime,
  startFor,
  startWorker
};
