/**
 * `mk6-fleet k8s` as a person runs it: the manifests on stdout or in --out, the same bytes on a
 * second run, what to create first on stderr, and a usage error (exit 2, a message naming the
 * fault) for an unknown file, an invalid fleet file, a bad namespace, colliding names. In process
 * (`main`, as the bin calls it), from the project's root as a person's shell would be.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliRun } from './in-process.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
process.chdir(ROOT); // fleet.yaml and fleets/ as a person names them

const cli = (args: string[], lang = 'en'): Promise<CliRun> => runCli(args, { MK6_LANG: lang });

describe('mk6-fleet k8s', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mk6-k8s-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same bytes twice, to --out as to stdout, and says which Secret to create', async () => {
    const [a, b, piped] = await Promise.all([
      cli(['k8s', 'fleet.yaml', '--out', join(dir, 'a.yaml')]),
      cli(['k8s', 'fleet.yaml', '--out', join(dir, 'b.yaml')]),
      cli(['k8s', 'fleet.yaml']),
    ]);
    for (const r of [a, b, piped]) assert.equal(r.code, 0, r.stderr);
    const bytes = readFileSync(join(dir, 'a.yaml'));
    assert.ok(bytes.equals(readFileSync(join(dir, 'b.yaml'))), 'byte-identical');
    assert.equal(piped.stdout, bytes.toString('utf8'));
    assert.match(piped.stdout, /^---\napiVersion: v1\nkind: ConfigMap\n/);
    assert.match(a.stderr, /a\.yaml: 11 manifests, 5 MK6/);
    assert.match(piped.stderr, /kubectl create secret generic rouvai-internal --from-literal=internal\.secret=\$\(openssl rand -hex 32\)/);
  });

  it('a namespace and an image; the tokens\' Secret is named; French on request', async () => {
    const r = await cli(['k8s', 'fleets/bocage.json', '--namespace', 'recette-gw', '--image', 'registry.example/mk6-fleet:0.1.0'], 'fr');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /namespace: recette-gw/);
    assert.match(r.stdout, /image: registry\.example\/mk6-fleet:0\.1\.0/);
    assert.match(r.stderr, /créez le secret interne/);
    assert.match(r.stderr, /kubectl -n recette-gw create secret generic bocage-tokens --from-literal=BOC2_TOKEN=…/);
  });

  it('usage errors: exit 2 with a message naming the fault', async () => {
    const collide = join(dir, 'collide.yaml');
    writeFileSync(collide, 'mk6:\n  - { id: ROU1.1, sites: [{ sycode: A, name: A, role: thissite, pmax_kw: 1 }] }\n  - { id: rou1_1, sites: [{ sycode: B, name: B, role: thissite, pmax_kw: 1 }] }\n');
    const invalid = join(dir, 'invalid.yaml');
    writeFileSync(invalid, 'mk6:\n  - { id: A, sites: [] }\n');
    const cases: [string[], RegExp][] = [
      [['k8s', join(dir, 'none.yaml')], /none\.yaml: fleet file unreadable \(ENOENT\)/],
      [['k8s', invalid], /Invalid fleet file:\n {2}.*invalid\.yaml:2 mk6\[0\]\.sites/],
      [['k8s', 'fleet.yaml', '--namespace', 'Recette_GW'], /invalid --namespace: 'Recette_GW'/],
      [['k8s', collide], /MK6 ROU1\.1 and rou1_1 would have the same Kubernetes Service name 'mk6-rou1-1'/],
      [['k8s'], /k8s FILE \[--namespace NS\]/],
      [['k8s', 'fleet.yaml', '--kind', 'warm'], /unknown option: '--kind'/],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli(args)));
    runs.forEach((r, i) => {
      assert.equal(r.code, 2, `${cases[i][0].join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, cases[i][1]);
      assert.equal(r.stdout, '');
    });
  });
});
