import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
const CLIENT_CPU = "0";
const SERVER_CPU = "1";
function pinnedNode(script, args, env, cpu = SERVER_CPU) {
  return spawn("taskset", ["-c", cpu, process.execPath, script, ...args], { env: { ...process.env, ...env }, stdio: "ignore" });
}
function pin(pid, cpu = SERVER_CPU) {
  execFileSync("taskset", ["-a", "-cp", cpu, String(pid)], { stdio: "ignore" });
}
async function waitFor200(url, timeoutMs = 2e4) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`${url} not answering`);
}
function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}
function wrk(url, connections, seconds, lua) {
  const args = ["-c", CLIENT_CPU, "wrk", "-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...lua ? ["-s", lua] : [], url];
  const out = execFileSync("taskset", args, { encoding: "utf8" });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const p99 = /99%\s+([\d.]+)(us|ms|s)\b/.exec(out);
  const p99ms = p99 ? Number(p99[1]) * { us: 1e-3, ms: 1, s: 1e3 }[p99[2]] : NaN;
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (errors) throw new Error(`wrk saw ${errors[1]} error answers on ${url}:
${out}`);
  return { rps, p99ms, requests };
}
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
function wrkWithCpu(pid, url, connections, seconds, lua) {
  const before = cpuMs(pid);
  const r = wrk(url, connections, seconds, lua);
  return { ...r, cpuUsPerRequest: (cpuMs(pid) - before) * 1e3 / r.requests };
}
async function untilQuiet(pids, maxMs = 3e4, quietMs = 3) {
  const total = () => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  for (const until = Date.now() + maxMs; Date.now() < until; ) {
    const before = total();
    await new Promise((r) => setTimeout(r, 300));
    if (total() - before <= quietMs) return;
  }
}
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}
function stopProcess(child) {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once("exit", () => ok());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5e3).unref();
  });
}
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const fmt = (n, digits = 2) => Number.isFinite(n) ? n.toFixed(digits) : "n/a";
async function sendExactly(base, getPath, post, count, concurrency = 32) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const one = (i) => new Promise((ok, fail) => {
    const isPost = post !== null && i % 2 === 1;
    const req = http.request(base + (isPost ? post.path : getPath), {
      method: isPost ? "POST" : "GET",
      agent,
      headers: isPost ? { "content-type": "application/json", "content-length": Buffer.byteLength(post.body) } : {}
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => res.statusCode < 400 ? ok() : fail(new Error(`status ${res.statusCode}`)));
    });
    req.on("error", fail);
    req.end(isPost ? post.body : void 0);
  });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await one(next++);
    })
  );
  agent.destroy();
}
export {
  CLIENT_CPU,
  SERVER_CPU,
  cpuMs,
  fmt,
  freePort,
  median,
  pin,
  pinnedNode,
  rssMiB,
  sendExactly,
  stopProcess,
  untilQuiet,
  waitFor200,
  wrk,
  wrkWithCpu
};
