/**
 * `wait [--timeout DURATION]`: polls `/readyz` until it says ready. A front that does not
 * answer yet is waited for too (a CI job runs this right after starting the fleet); never
 * answering in time exits 3, answering but not ready exits 1 with what each MK6 waits for.
 */
import { durationProblem, parseDuration } from '../../../src/contract/duration.js';
import { HttpUnreachable } from '../../../src/shared/http-client.js';
import { out, Refused, send, Unreachable, UsageError, type Command } from '../context.js';

const DEFAULT_TIMEOUT = '60s';

export const wait: Command = async (_args, o) => {
  // The one duration grammar; a bare number is seconds (`--timeout 90`), as before it.
  const timeoutMs = parseDuration(o.timeout ?? DEFAULT_TIMEOUT, { bare: 's' });
  if (timeoutMs === null) throw new UsageError(`--timeout: ${durationProblem(o.timeout)}`);
  const deadline = Date.now() + timeoutMs;
  let last: { status: number; body: unknown } | null = null;
  let lastError = '';
  for (;;) {
    try {
      const res = await send(o, 'GET', '/readyz', undefined, undefined, Math.max(1000, Math.min(10_000, deadline - Date.now())));
      last = { status: res.status, body: res.body };
      if (res.status === 200) {
        const mk6 = (res.body as { mk6?: Record<string, string> }).mk6 ?? {};
        return out(o, res.body, () => `flotte prête: ${Object.keys(mk6).length} MK6 (${Object.entries(mk6).map(([id, s]) => `${id} ${s}`).join(', ')})`);
      }
    } catch (err) {
      if (!(err instanceof Unreachable || err instanceof HttpUnreachable)) throw err;
      lastError = err.message;
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, Math.min(250, Math.max(0, deadline - Date.now()))));
  }
  if (!last) throw new Unreachable(lastError || 'pas de réponse');
  const mk6 = (last.body as { mk6?: Record<string, string> } | null)?.mk6 ?? {};
  const waiting = Object.entries(mk6).filter(([, s]) => s !== 'ready');
  console.error(`mk6-fleet: flotte pas prête après ${timeoutMs / 1000} s${waiting.length ? ':' : ''}`);
  for (const [id, state] of waiting) console.error(`  ${id}: ${state}`);
  throw new Refused(last.status, last.body);
};
