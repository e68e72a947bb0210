/**
 * Reading a recette file (YAML or JSON), pure: validated against its schema
 * (src/schema/recette.ts), every fault reported as `file:line path: fault`, never a stack.
 */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { LineCounter, parseDocument } from 'yaml';
import { parseIsoTime } from '../domain/time.js';
import { CHECK_KINDS, CHECKS, Duration, Recette, type CheckDef, type CheckKind } from '../contract/schema/recette.js';
import { durationProblem } from '../contract/duration.js';
import { Type } from '../contract/schema/kit.js';
import '../contract/schema/validate.js'; // registers the date-time format the schemas use

export interface RecetteDef {
  name: string;
  window: { from: number | null; to: number | null };
  checks: CheckDef[];
}

export class RecetteError extends Error {
  constructor(readonly problems: string[]) {
    super(`Recette invalide:\n  ${problems.join('\n  ')}`);
    this.name = 'RecetteError';
  }
}

type Path = (string | number)[];

/** A duration as the file writes it (`1h30m`) in milliseconds, or null: the one grammar (src/contract/duration.ts), no bare number. */
export { parseDuration } from '../contract/duration.js';

/** YAML or JSON text: faults as `file:line path: fault`. `knownMk6`: the fleet's ids, to name an unknown MK6. */
export function parseRecetteText(text: string, file = 'recette', knownMk6?: ReadonlySet<string>): RecetteDef {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) throw new RecetteError(doc.errors.map((e) => `${file}:${lines.linePos(e.pos[0]).line} ${e.message.split('\n')[0]}`));
  const lineOf = (path: Path): number => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = (p.length ? doc.getIn(p, true) : doc.contents) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
      if (p.length === 0) return 1;
    }
  };
  return parseRecette(doc.toJS(), (path) => `${file}:${lineOf(path)} `, knownMk6);
}

const TOP = TypeCompiler.Compile(Type.Object({ ...Recette.properties, checks: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 200 }) }, { additionalProperties: false }));
const BY_KIND = Object.fromEntries(CHECK_KINDS.map((k) => [k, TypeCompiler.Compile(CHECKS[k])])) as unknown as Record<CheckKind, ReturnType<typeof TypeCompiler.Compile>>;

/** A parsed body, validated whole: every fault is listed. */
export function parseRecette(raw: unknown, where: (path: Path) => string = () => '', knownMk6?: ReadonlySet<string>): RecetteDef {
  const problems: string[] = [];
  const fault = (path: Path, message: string) => problems.push(`${where(path)}${pathText(path)}: ${message}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fault([], 'un objet {name, window?, checks: [...]} est attendu');
    throw new RecetteError(problems);
  }
  const root = raw as Record<string, unknown>;
  for (const e of TOP.Errors(root)) report(e, [], fault);
  const window = { from: null as number | null, to: null as number | null };
  const w = root.window as Record<string, unknown> | undefined;
  if (w && typeof w === 'object') {
    for (const key of ['from', 'to'] as const) {
      const v = w[key];
      if (v instanceof Date) window[key] = v.getTime();
      else if (typeof v === 'string') window[key] = parseIsoTime(v);
    }
    if (window.from !== null && window.to !== null && window.to <= window.from) fault(['window', 'to'], 'doit être après window.from');
  }
  const checks: CheckDef[] = [];
  const ids = new Map<string, number>();
  (Array.isArray(root.checks) ? root.checks : []).forEach((item, i) => {
    const at: Path = ['checks', i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return fault(at, 'un objet {id, kind, …} est attendu');
    const c = item as Record<string, unknown>;
    if (!CHECK_KINDS.includes(c.kind as CheckKind)) return fault([...at, 'kind'], `${c.kind === undefined ? 'champ obligatoire' : `kind inconnu: ${JSON.stringify(c.kind)?.slice(0, 40)}`} (${CHECK_KINDS.join('|')})`);
    const before = problems.length;
    for (const e of BY_KIND[c.kind as CheckKind].Errors(c)) report(e, at, fault);
    if (typeof c.id === 'string') {
      if (ids.has(c.id)) fault([...at, 'id'], `id en double (déjà checks[${ids.get(c.id)}])`);
      else ids.set(c.id, i);
    }
    if (knownMk6 && Array.isArray(c.mk6)) {
      c.mk6.forEach((id, j) => {
        if (typeof id === 'string' && !knownMk6.has(id)) fault([...at, 'mk6', j], `MK6 inconnu: '${id}' (${[...knownMk6].join(', ')})`);
      });
    }
    if (problems.length === before) checks.push(c as CheckDef);
  });
  const coverage = root.coverage as { require?: unknown; mk6?: unknown } | undefined;
  if (coverage && typeof coverage === 'object' && Array.isArray(coverage.require)) {
    // `coverage: {require: […]}` is the check `coverage` (src/contract/schema/recette.ts).
    if (ids.has('coverage')) fault(['coverage'], `id en double: coverage (déjà checks[${ids.get('coverage')}])`);
    checks.push({ id: 'coverage', kind: 'coverage', require: coverage.require, ...(Array.isArray(coverage.mk6) ? { mk6: coverage.mk6 } : {}) } as CheckDef);
  }
  if (problems.length) throw new RecetteError(problems);
  return { name: root.name as string, window, checks };
}

/** One validator fault in words a recette engineer reads. */
function report(e: ValueError, base: Path, fault: (path: Path, message: string) => void): void {
  const path: Path = [...base, ...e.path.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
  if (e.type === ValueErrorType.ObjectRequiredProperty) return fault(path, 'champ obligatoire');
  if (e.type === ValueErrorType.ObjectAdditionalProperties) return fault(path, 'champ inconnu');
  if (e.value === undefined) return; // said once, as `champ obligatoire`
  if (e.schema === Duration) return fault(path, durationProblem(e.value));
  if (e.schema.format === 'date-time') return fault(path, `heure ISO 8601 invalide: ${JSON.stringify(e.value)?.slice(0, 60)}`);
  // A union (an enum of methods, a SafeId) reports once per branch: say it once.
  if (e.type === ValueErrorType.Union && Array.isArray(e.schema.anyOf)) {
    const values = (e.schema.anyOf as { const?: unknown }[]).map((s) => s.const).filter((v) => v !== undefined);
    return fault(path, `valeur invalide: ${JSON.stringify(e.value)?.slice(0, 40)}${values.length ? ` (${values.join('|')})` : ''}`);
  }
  if (e.type === ValueErrorType.Literal) return; // a branch of a union: the union says it
  fault(path, `${e.message} (${JSON.stringify(e.value)?.slice(0, 40)})`);
}

function pathText(path: Path): string {
  if (path.length === 0) return '(racine)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
