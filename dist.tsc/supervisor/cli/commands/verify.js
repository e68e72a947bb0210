/**
 * `verify FILE [--junit OUT.xml] [--html OUT.html]`: the fleet's verdict on a recette file.
 * 0 every check passes (or does not apply), 1 a check fails, 2 a bad file (every fault as
 * file:line), 3 the fleet does not answer.
 */
import { writeFileSync } from 'node:fs';
import { parseRecetteText, RecetteError } from '../../../src/config/recette-file.js';
import { call, EXIT, readText, Refused, say, UsageError } from '../context.js';
import { verdictHtml, verdictJunit, verdictText } from '../report.js';
export const verify = async ([file], o) => {
    if (!file)
        throw new UsageError(say(o).verifyUsage);
    const text = readText(o, file);
    const bad = (problems) => {
        o.io.err(`mk6-fleet: ${say(o).recetteInvalid}\n  ${problems.join('\n  ')}`);
        return EXIT.usage;
    };
    try {
        parseRecetteText(text, file, undefined, o.lang); // every fault of the file itself, before asking the fleet
    }
    catch (err) {
        if (err instanceof RecetteError)
            return bad(err.problems);
        throw err;
    }
    let verdict;
    try {
        verdict = (await call(o, 'POST', '/mock/verdicts', text, 'text/yaml'));
    }
    catch (err) {
        // What only the fleet knows (an MK6 it does not have) comes back with the same lines.
        const problems = (err instanceof Refused && err.status === 400 ? err.body?.details?.problems : null);
        if (Array.isArray(problems))
            return bad(problems.map((p) => String(p).replace(/^recette:/, `${file}:`)));
        throw err;
    }
    if (o.junit)
        writeFileSync(o.junit, verdictJunit(verdict, o.lang));
    if (o.html)
        writeFileSync(o.html, verdictHtml(verdict, o.lang));
    o.io.out(o.json ? JSON.stringify(verdict, null, 2) : verdictText(verdict, o.lang));
    return verdict.failed > 0 ? EXIT.refused : EXIT.ok;
};
