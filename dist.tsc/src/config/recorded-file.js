/**
 * A recorded day for a site's `profile: {kind: recorded, file: …}` in the fleet file: a CSV
 * (`time,kW` per line, an optional header line, `#` comments) or a JSON file (a list of
 * [time, kW] pairs, or `{points: […]}`), relative to the fleet file. Read once at start;
 * every fault says `file:line: fault`.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { timeOfDay } from '../domain/profiles.js';
import { MAX_RECORDED_POINTS } from '../contract/schema/plant.js';
import { sayFile } from '../i18n/file-messages.js';
/** A fault of a recorded day, `file:line: fault` in both languages; `.message` is French. */
export class RecordedFileError extends Error {
    text;
    constructor(at, fault) {
        super(`${at}: ${fault('fr')}`);
        this.text = (lang) => `${at}: ${fault(lang)}`;
    }
}
export function readRecordedDay(file, fleetFile, pmaxKw) {
    const path = isAbsolute(file) ? file : resolve(dirname(fleetFile), file);
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (err) {
        throw new RecordedFileError(file, sayFile('unreadable', err.code ?? err.message));
    }
    const rows = /^\s*[[{]/.test(text) ? jsonRows(text, file) : csvRows(text, file);
    if (rows.length === 0)
        throw new RecordedFileError(`${file}:1`, sayFile('noPoints'));
    if (rows.length > MAX_RECORDED_POINTS)
        throw new RecordedFileError(`${file}:${rows[MAX_RECORDED_POINTS].line}`, sayFile('atMostPoints', MAX_RECORDED_POINTS));
    const seen = new Map();
    return rows.map(({ time, kw, line }) => {
        const t = timeOfDay(time);
        if (t === null)
            throw new RecordedFileError(`${file}:${line}`, sayFile('badTime', JSON.stringify(time).slice(0, 40)));
        if (!Number.isFinite(kw) || kw < 0 || kw > pmaxKw)
            throw new RecordedFileError(`${file}:${line}`, sayFile('kwOutOfRange', pmaxKw, kw));
        if (seen.has(t))
            throw new RecordedFileError(`${file}:${line}`, sayFile('timeRepeated', time, seen.get(t)));
        seen.set(t, line);
        return [time, kw];
    });
}
function csvRows(text, file) {
    const rows = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const cells = line.split(/[;,\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
        if (cells.length < 2)
            throw new RecordedFileError(`${file}:${i + 1}`, sayFile('twoColumns', JSON.stringify(line).slice(0, 60)));
        const kw = Number(cells[1]);
        if (rows.length === 0 && Number.isNaN(kw) && timeOfDay(cells[0]) === null)
            return; // the header line
        if (cells[1] === '' || Number.isNaN(kw))
            throw new RecordedFileError(`${file}:${i + 1}`, sayFile('badKw', JSON.stringify(cells[1]).slice(0, 40)));
        rows.push({ time: cells[0], kw, line: i + 1 });
    });
    return rows;
}
function jsonRows(text, file) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        const pos = /position (\d+)/.exec(err.message);
        const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
        throw new RecordedFileError(`${file}:${line}`, sayFile('badJson'));
    }
    const list = Array.isArray(doc) ? doc : doc?.points;
    if (!Array.isArray(list))
        throw new RecordedFileError(`${file}:1`, sayFile('pointsListExpected'));
    // The line of each point: the n-th '[' opening a pair.
    const lines = [];
    const re = /\[\s*"/g;
    for (let m = re.exec(text); m; m = re.exec(text))
        lines.push(text.slice(0, m.index).split('\n').length);
    return list.map((p, i) => {
        const line = lines[i] ?? 1;
        if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'string' || typeof p[1] !== 'number') {
            throw new RecordedFileError(`${file}:${line}`, sayFile('pointExpected', String(JSON.stringify(p)?.slice(0, 60))));
        }
        return { time: p[0], kw: p[1], line };
    });
}
