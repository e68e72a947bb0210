/**
 * `replay FILE.har [--reset] [--only ID,…] [--ignore FIELD,…]`: the recorded gateway calls sent
 * again to --url (see ../replay.ts); exit 0 all identical, 1 differences, 2 not a HAR file.
 */
import { EXIT, readText, say, Unreachable, UsageError } from '../context.js';
import { replay as replayHar, reportText, ReplayFileError, ReplayUnreachable } from '../replay.js';
export const replay = async ([file, ...extra], o) => {
    if (!file || extra.length)
        throw new UsageError(say(o).replayUsage);
    let har;
    try {
        har = JSON.parse(readText(o, file));
    }
    catch (err) {
        throw err instanceof UsageError ? err : new UsageError(say(o).notJson(file));
    }
    try {
        const report = await replayHar(har, { url: o.url, reset: o.reset, only: o.only, ignore: o.ignore, lang: o.lang });
        o.io.out(o.json ? JSON.stringify(report, null, 2) : reportText(report, o.lang));
        return report.identical === report.total ? EXIT.ok : EXIT.refused;
    }
    catch (err) {
        if (err instanceof ReplayUnreachable)
            throw new Unreachable(err.message);
        if (err instanceof ReplayFileError)
            throw new UsageError(err.message);
        throw err;
    }
};
