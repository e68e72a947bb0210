/**
 * Keeps a planning's memory and state file bounded: expired and deleted requests are
 * history, and past HISTORY_KEPT the oldest are forgotten. A scan of the whole planning is
 * due only every PRUNE_ABOVE inserts (amortised O(1) per request), and skipped when nothing
 * became history since the last one, so a planning of many live requests is not scanned whole.
 */
import { requestState } from './requests.js';
/** Expired and deleted requests are history: past this many, the oldest are forgotten. */
export const HISTORY_KEPT = 1000;
const PRUNE_ABOVE = 2000;
export class HistoryBound {
    pruneAt = PRUNE_ABOVE;
    /** Since the last scan: the earliest end among the requests that were not history, and whether one was deleted. */
    historyFrom = -Infinity;
    deletedSinceScan = false;
    /** A request becomes history at its end, or once deleted: the next scan must not be skipped past that. */
    note(req) {
        if (req.deleted_at !== null)
            this.deletedSinceScan = true;
        else if (req.end !== null && req.end < this.historyFrom)
            this.historyFrom = req.end;
    }
    /** The requests to forget now, oldest first: none unless a scan is due and finds more than HISTORY_KEPT. */
    due(requests, now) {
        if (requests.size <= this.pruneAt)
            return [];
        this.pruneAt = requests.size + PRUNE_ABOVE;
        if (!this.deletedSinceScan && now < this.historyFrom)
            return [];
        this.deletedSinceScan = false;
        this.historyFrom = Infinity;
        const history = [...requests.values()]
            .filter((r) => {
            const s = requestState(r, now);
            if (s === 'expired' || s === 'deleted')
                return true;
            this.note(r);
            return false;
        })
            .sort((a, b) => a.seq - b.seq);
        const drop = history.slice(0, Math.max(0, history.length - HISTORY_KEPT));
        // Counted from what is left, else the threshold climbs by PRUNE_ABOVE at every scan.
        this.pruneAt = requests.size - drop.length + PRUNE_ABOVE;
        return drop;
    }
}
