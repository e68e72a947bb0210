/**
 * `authenticated`: the gateway sends its token whenever an MK6 has bearer auth on: no call
 * refused 401 (token missing or wrong). Not applicable when no MK6 in scope had auth on.
 */
import type { Static } from '../../../src/contract/schema/kit.js';
import type { CHECKS } from '../../../src/contract/schema/recette.js';
import { callEvidence, hms, inWindow, judge, scope, type CheckResult, type Run } from './run.js';

export type AuthenticatedParams = Static<typeof CHECKS.authenticated>;

export function authenticated(params: AuthenticatedParams, run: Run): CheckResult {
  const ids = new Set(scope(run, params.mk6));
  const withAuth = [...ids].filter((id) => run.topology.get(id)?.authFromFile || run.events.some((e) => e.kind === 'auth' && e.mk6 === id && e.details.enabled === true));
  const refused = run.calls.filter((c) => ids.has(c.mk6) && c.status === 401 && inWindow(run, c.sim));
  const byMk6 = new Map<string, typeof refused>();
  for (const c of refused) byMk6.set(c.mk6, [...(byMk6.get(c.mk6) ?? []), c]);
  const faults = [...byMk6].map(([mk6, calls]) => ({
    message: `${mk6}: ${calls.length} call${calls.length > 1 ? 's' : ''} without a valid token while auth was on (first ${calls[0].method} ${calls[0].path} at ${hms(calls[0].sim)}, journal #${calls[0].id})`,
    evidence: calls.map((c) => callEvidence(c, `${c.method} ${c.path} refused 401 (token missing or wrong)`)),
  }));
  if (withAuth.length === 0 && faults.length === 0) return { status: 'not_applicable', message: 'no MK6 in scope had auth on', evidence: [] };
  const authCalls = run.calls.filter((c) => withAuth.includes(c.mk6) && inWindow(run, c.sim)).length;
  if (authCalls === 0 && faults.length === 0) return { status: 'not_applicable', message: `no call to ${withAuth.join(', ')} while auth was on: nothing to judge`, evidence: [] };
  return judge(faults, `every call to ${withAuth.join(', ')} carried a valid token (${authCalls} calls)`);
}
