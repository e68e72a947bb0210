import { simulatedNow } from '../../src/domain/clock.js';
import { errors } from '../../src/contract/errors.js';
import { parseSinceId } from '../../src/journal/journal.js';
import { evaluate } from './verdicts/index.js';
import { parseRecette, parseRecetteText, RecetteError } from '../../src/config/recette-file.js';
import { say } from '../../src/i18n/api-messages.js';
import { answerLang } from '../../src/i18n/answer-lang.js';
import { readTextBody } from '../../src/shared/text-body.js';
/**
 * The handlers of getEvents and postVerdicts (declared in src/contract/routes/recette.ts).
 * `flush`: fetches the journal entries still on their way from the workers (fleet-routes.ts).
 */
export function recetteHandlers(fleet, flush) {
    return {
        getEvents: async (ctx) => {
            const since = parseSinceId(ctx.query.since_id); // checked by the declaration's query validator
            await flush(); // actions a worker answered reach the log with its journal
            ctx.body = fleet.events.since(since);
        },
        // Reads the journal and the events, changes nothing: allowed in production mode too.
        postVerdicts,
    };
    async function postVerdicts(ctx) {
        const known = new Set(fleet.members.keys());
        const lang = answerLang(ctx);
        let recette;
        try {
            recette = ctx.request.is('json') ? parseRecette(ctx.request.body, () => '', known, lang) : parseRecetteText(await readTextBody(ctx), 'recette', known, lang);
        }
        catch (err) {
            if (!(err instanceof RecetteError))
                throw err;
            const [first, ...rest] = err.problems;
            throw errors.badRequest(say('recetteInvalid', first, rest.length), { problems: err.problems.slice(0, 100) });
        }
        await flush();
        const wall = Date.now();
        ctx.body = evaluate(recette, {
            journal: fleet.journal.since(0),
            events: fleet.events.since(0),
            topology: topologyOf(fleet),
            now: { sim: simulatedNow(fleet.clock, wall), wall },
        }, lang);
    }
}
/** Each MK6's sites as its worker last showed them (else its fleet file), and whether the file turns auth on. */
export function topologyOf(fleet) {
    return [...fleet.members.values()].map((m) => {
        const shown = Array.isArray(m.last?.sites) ? m.last.sites : m.spec.sites;
        return { id: m.spec.id, sites: shown.map((s) => ({ sycode: s.sycode, name: s.name, pmax_kw: s.pmax_kw })), authFromFile: m.spec.tokenEnv !== null };
    });
}
