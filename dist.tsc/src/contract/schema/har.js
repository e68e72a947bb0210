/**
 * Sessions as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): the journal's
 * export (`GET /api/v1/debug/requests?format=har`) and the recordings (`/mock/recording`).
 * Extension fields start with `_`, as the format allows.
 */
import { Nullable, ref, SafeId, StringEnum, Time, Type } from './kit.js';
import { JOURNAL_SOURCES } from './views.js';
const NameValue = Type.Object({ name: Type.String(), value: Type.String() });
export const HarEntry = Type.Object({
    startedDateTime: Time({ description: 'real time the call arrived' }),
    time: Type.Number({ minimum: 0, description: 'ms' }),
    request: Type.Object({
        method: Type.String(),
        url: Type.String(),
        httpVersion: Type.String(),
        cookies: Type.Array(Type.Object({})),
        headers: Type.Array(NameValue, { description: 'what the fleet keeps of them; Authorization always masked' }),
        queryString: Type.Array(NameValue),
        postData: Type.Optional(Type.Object({
            mimeType: Type.String(),
            text: Type.String(),
            _truncated: Type.Optional(Type.Boolean({ description: 'the journal kept only the first 4 KiB' })),
        })),
        headersSize: Type.Integer(),
        bodySize: Type.Integer(),
    }),
    response: Type.Object({
        status: Type.Integer(),
        statusText: Type.String(),
        httpVersion: Type.String(),
        cookies: Type.Array(Type.Object({})),
        headers: Type.Array(NameValue),
        content: Type.Object({
            size: Type.Integer(),
            mimeType: Type.String(),
            text: Type.Optional(Type.String()),
            _truncated: Type.Optional(Type.Boolean({ description: 'the journal kept only the first 4 KiB' })),
        }),
        redirectURL: Type.String(),
        headersSize: Type.Integer(),
        bodySize: Type.Integer(),
    }),
    cache: Type.Object({}),
    timings: Type.Object({ send: Type.Number(), wait: Type.Number(), receive: Type.Number() }),
    _id: Type.Integer({ description: 'journal id (a recording: its own sequence)' }),
    _mk6_id: Nullable(Type.String()),
    _sim_time: Nullable(Time({ description: 'the fleet clock when the call arrived' })),
    _mk6_time: Type.Optional(Time({ description: "the MK6's own clock when the call arrived, when it runs one (offset, drift)" })),
    _source: StringEnum(JOURNAL_SOURCES),
}, { $id: 'HarEntry' });
export const Har = Type.Object({
    log: Type.Object({
        version: Type.Literal('1.2'),
        creator: Type.Object({ name: Type.Literal('mk6-fleet'), version: Type.String() }),
        comment: Type.Optional(Type.String()),
        entries: Type.Array(ref(HarEntry)),
    }),
}, { $id: 'Har', description: 'HAR 1.2: open it in a browser devtools Network tab (import HAR), Charles, Insomnia, k6' });
export const RecordingBody = Type.Object({
    on: Type.Boolean({ description: 'true: record every gateway call with its full bodies; false: stop and close the file' }),
    name: Type.Optional(SafeId({ description: 'file name under <state-dir>/recordings/ (.har added); default session-<time>' })),
}, { $id: 'RecordingBody' });
export const RecordingView = Type.Object({
    on: Type.Boolean(),
    name: Nullable(Type.String({ description: 'the recording in progress, else the last one' })),
    file: Nullable(Type.String()),
    started_at: Nullable(Time()),
    entries: Type.Integer({ description: 'gateway calls written to the file' }),
    bytes: Type.Integer(),
    max_bytes: Type.Integer({ description: 'size cap of one recording; past it, calls are counted in dropped, not written' }),
    full: Type.Boolean(),
    dropped: Type.Integer(),
    recordings: Type.Array(Type.String(), { description: 'names of the recordings kept in the state dir' }),
}, { $id: 'RecordingView' });
