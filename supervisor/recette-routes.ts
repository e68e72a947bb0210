/** The recette's routes on the front: the fleet's event log and the verdicts over it and the journal. */
import type Router from '@koa/router';
import { errors } from '../src/domain/errors.js';
import { parseSinceId } from '../src/http/journal.js';
import type { FleetSupervisor } from './fleet.js';

/** `flush`: fetches the entries still on their way from the workers (routes.ts). */
export function recetteRoutes(r: Router, fleet: FleetSupervisor, flush: () => Promise<void>): void {
  r.get('/mock/events', async (ctx) => {
    const since = parseSinceId(ctx.query.since_id);
    if (Number.isNaN(since)) throw errors.badRequest('since_id doit être un entier >= 0', { field: 'since_id' });
    await flush(); // actions a worker answered reach the log with its journal
    ctx.body = fleet.events.since(since);
  });
}
