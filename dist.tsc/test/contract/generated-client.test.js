import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { startFor } from "../helpers/worker-app.js";
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CLIENT = `
import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

export async function run(baseUrl: string) {
  const client = createClient<paths>({ baseUrl });
  const path = { mk6_id: 'mk6-A' };
  const mon = await client.GET('/api/v1/mk6/{mk6_id}/monitoring', { params: { path } });
  const thissite: Record<string, string> | undefined = mon.data?.thissite;
  const created = await client.POST('/api/v1/mk6/{mk6_id}/requests', {
    params: { path },
    body: { set: 'Psetpoint', site: 'SYC1', psetpoint: 5000, start_time: '2026-03-01T12:00:00Z', end_time: '2026-03-01T18:00:00Z' },
  });
  const id: string | undefined = created.data && 'id' in created.data ? created.data.id : undefined;
  const refused = await client.POST('/api/v1/mk6/{mk6_id}/requests', { params: { path }, body: { set: 'Psetpoint', site: 'SYC1', psetpoint: 99999 } });
  const code: string | undefined = refused.error?.error;
  const site = await client.GET('/api/v1/mk6/{mk6_id}/monitoring/sites/{sycode}', { params: { path: { ...path, sycode: 'SYC1' } } });
  const pmax: number | undefined = site.data?.pmax_wf;
  return { thissite, id, code, status: refused.response.status, pmax };
}
`;
test("a client generated from a worker's /openapi.json compiles (strict) and talks to the MK6", async (t) => {
  const worker = await startFor(t, { id: "mk6-A", sites: [{ sycode: "SYC1", name: "Site1", role: "thissite", pmax_kw: 8340 }] });
  const doc = (await worker.http("GET", "/openapi.json")).body;
  const types = astToString(await openapiTS(doc));
  const dir = mkdtempSync(join(DIST, "generated-client-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "package.json"), '{"type": "module"}');
  writeFileSync(join(dir, "schema.ts"), types);
  writeFileSync(join(dir, "client.ts"), CLIENT);
  const program = ts.createProgram([join(dir, "client.ts")], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    outDir: dir,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"]
  });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  assert.deepEqual(
    diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    [],
    "the generated client compiles"
  );
  const { run } = await import(pathToFileURL(join(dir, "client.js")).href);
  const out = await run(worker.url);
  assert.deepEqual(out, { thissite: { SYC1: "Site1" }, id: "REQ-001", code: "INVALID_VALUE", status: 441, pmax: 8340 });
});
