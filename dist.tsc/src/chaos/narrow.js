/**
 * `mk6-fleet chaos narrow`, pure: a day's timeline file cut down to the faults a verdict names
 * (the `candidates` of its failing checks). A fault of the file is kept when a candidate has
 * its MK6 and kind and started at or after it, before the file's next fault of that MK6 and
 * kind (the clock may have stepped past its time); kept with what ends it. Events that belong
 * to no fault (a speed) stay. The file's text is kept as written (comments too), minus the rest.
 */
import { parseDocument, isSeq } from 'yaml';
import { parseTimelineText } from '../config/timeline-file.js';
import { faultSpans } from './faults.js';
export function narrowDay(text, file, verdict) {
    const events = parseTimelineText(text, file); // every fault of the file, with its line, first
    const spans = faultSpans(events.map((e) => ({ kind: e.action, mk6: e.mk6, details: e.fields, at: e.at, ref: e.index })).sort((a, b) => a.at - b.at || a.ref - b.ref));
    const failing = (verdict.checks ?? []).filter((c) => c.status === 'fail' && (c.candidates?.length ?? 0) > 0);
    const keptSpans = new Set();
    for (const c of failing.flatMap((ch) => ch.candidates ?? [])) {
        const at = Date.parse(c.from);
        const same = spans.filter((s) => s.mk6 === c.mk6_id && s.fault === c.fault && s.from <= at);
        const span = same[same.length - 1];
        if (span)
            keptSpans.add(span);
    }
    const inSpan = new Set(spans.flatMap((s) => s.refs));
    const keep = new Set(events.filter((e) => !inSpan.has(e.index)).map((e) => e.index));
    for (const s of keptSpans)
        for (const r of s.refs)
            keep.add(r);
    const doc = parseDocument(text);
    const root = doc.contents;
    const list = (isSeq(root) ? root : (doc.get('timeline', true) ?? doc.get('events', true)));
    if (list && isSeq(list)) {
        // A comment written above a dropped event goes with it, but the file's own header stays.
        list.items = list.items.filter((_, i) => keep.has(i));
    }
    const note = ` mk6-fleet chaos narrow ${file}: ${keep.size} of ${events.length} events, the faults named by ${failing.map((c) => c.id).join(', ') || 'no failing check'}`;
    doc.commentBefore = doc.commentBefore ? `${note}\n${doc.commentBefore}` : note;
    return { text: doc.toString({ lineWidth: 0 }), kept: keep.size, of: events.length, checks: failing.map((c) => String(c.id)) };
}
