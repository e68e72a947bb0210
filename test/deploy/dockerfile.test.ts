/**
 * The container image's build file, checked without a container engine (none runs here): its
 * bases, its user, what it copies (present after `npm run build`, and let through by
 * .dockerignore), what it runs (present in dist), its health check run for real against a
 * listening and a closed port, and the manifests' commands and user matching the image.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_DIR, RUN_AS, SUPERVISOR_ENTRY, WORKER_ENTRY } from '../../src/deploy/k8s-pods.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Instruction {
  op: string;
  args: string;
}

/** The Dockerfile's instructions per stage: continuation lines joined, comments dropped. */
function stages(text: string): Instruction[][] {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const out: Instruction[][] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s+(.*)$/.exec(line)!;
    if (op.toUpperCase() === 'FROM') out.push([]);
    out.at(-1)!.push({ op: op.toUpperCase(), args });
  }
  return out;
}

/** `["node", "x"]` (exec form) or a shell line, as words. */
function words(args: string): string[] {
  return args.trim().startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

describe('Dockerfile', () => {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const [build, runtime, ...more] = stages(text);
  const all = (stage: Instruction[], op: string) => stage.filter((i) => i.op === op);

  it('two stages on node:20-slim: the build runs npm ci and npm run build, the image npm ci --omit=dev', () => {
    assert.deepEqual(more, []);
    assert.match(all(build, 'FROM')[0].args, /^node:20-slim AS build$/);
    assert.equal(all(runtime, 'FROM')[0].args, 'node:20-slim');
    const buildRuns = all(build, 'RUN').map((i) => i.args).join(' && ');
    assert.match(buildRuns, /npm ci\b/);
    assert.match(buildRuns, /npm run build/);
    const runtimeRuns = all(runtime, 'RUN').map((i) => i.args).join(' && ');
    assert.match(runtimeRuns, /npm ci --omit=dev/);
    assert.doesNotMatch(runtimeRuns, /npm (run )?build/);
    // What `npm run build` runs is in the build stage before it (a script file left out fails only in docker build).
    const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.build as string;
    const copied = all(build, 'COPY').flatMap((c) => c.args.split(/\s+/).slice(0, -1));
    for (const file of script.split(/\s+/).filter((w) => /\.m?js$/.test(w))) {
      assert.ok(copied.some((src) => file === src || file.startsWith(`${src.replace(/\/$/, '')}/`)), `${file} (npm run build) is copied before the build`);
    }
  });

  it('runs as a user that is not root, the one the manifests ask for, before its command', () => {
    const users = all(runtime, 'USER');
    assert.equal(users.length, 1);
    const [user, group] = users[0].args.split(':');
    assert.notEqual(user, '0');
    assert.notEqual(user, 'root');
    assert.equal(Number(user), RUN_AS);
    assert.equal(Number(group), RUN_AS);
    assert.ok(runtime.indexOf(users[0]) < runtime.findIndex((i) => i.op === 'CMD'));
    assert.equal(all(runtime, 'WORKDIR')[0].args, APP_DIR);
  });

  it('copies only what exists after npm run build and what .dockerignore lets through', () => {
    const allowed = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));
    for (const stage of [build, runtime]) {
      for (const copy of all(stage, 'COPY')) {
        const parts = copy.args.split(/\s+/);
        const fromBuild = parts[0] === '--from=build';
        const sources = (fromBuild ? parts.slice(1) : parts).slice(0, -1);
        for (const src of sources) {
          if (fromBuild) {
            assert.ok(src.startsWith(`${APP_DIR}/`), src);
            assert.ok(existsSync(join(ROOT, src.slice(APP_DIR.length + 1))), `${src} after npm run build`);
          } else {
            assert.ok(existsSync(join(ROOT, src)), src);
            assert.ok(allowed.includes(src.split('/')[0]), `${src} is left out by .dockerignore`);
          }
        }
      }
    }
    // The supervision page is served from its sources' place, next to dist/ (supervisor/front/page.ts).
    assert.ok(all(runtime, 'COPY').some((c) => /^supervisor\/front\/page \.\/supervisor\/front\/page$/.test(c.args)));
  });

  it('its command, the worker and the supervisor the manifests run are in dist', () => {
    const cmd = words(all(runtime, 'CMD')[0].args);
    assert.equal(cmd[0], 'node');
    assert.ok(existsSync(join(ROOT, cmd[1])), cmd[1]);
    for (const entry of [WORKER_ENTRY, SUPERVISOR_ENTRY]) {
      assert.ok(entry.startsWith(`${APP_DIR}/dist/`), entry);
      assert.ok(existsSync(join(ROOT, entry.slice(APP_DIR.length + 1))), entry);
    }
  });

  describe('HEALTHCHECK, run as the engine would', () => {
    let server: Server;
    let port: number;
    before(async () => {
      server = createServer((req, res) => {
        res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      port = (server.address() as AddressInfo).port;
    });
    after(() => server.close());

    const check = all(runtime, 'HEALTHCHECK')[0]?.args ?? '';
    const command = () => words(check.slice(check.indexOf('CMD ') + 4));
    const run = (env: NodeJS.ProcessEnv): Promise<number> =>
      new Promise((ok) => {
        const [bin, ...args] = command();
        execFile(bin === 'node' ? process.execPath : bin, args, { env: { ...process.env, ...env }, timeout: 10_000 }, (err) => ok(err ? Number(err.code ?? -1) : 0));
      });

    it('is node fetching /healthz (no curl in node:20-slim), 0 when it answers, 1 when the port refuses', async () => {
      assert.match(check, /^--interval=\S+ --timeout=\S+ .*CMD \[/);
      assert.equal(command()[0], 'node');
      assert.doesNotMatch(check, /curl|wget/);
      assert.match(check, /\/healthz/);
      assert.equal(await run({ MK6_HEALTH_PORT: String(port) }), 0);
      const closed = createServer();
      await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
      const gone = (closed.address() as AddressInfo).port;
      await new Promise((ok) => closed.close(ok));
      assert.equal(await run({ MK6_HEALTH_PORT: String(gone) }), 1);
    });
  });
});
