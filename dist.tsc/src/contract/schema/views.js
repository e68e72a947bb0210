/** What the fleet shows of itself: the inventory and the request journal. */
import { Nullable, ref, StringEnum, Time, Type } from './kit.js';
import { Mk6ClockView } from './mk6-clock.js';
export const InventoryEntry = Type.Object({
    mk6_id: Type.String(),
    aliases: Type.Array(Type.String()),
    thissite: Type.Optional(Nullable(Type.String())),
    sycodes: Type.Optional(Type.Array(Type.String())),
    sites: Type.Optional(Type.Array(Type.Object({}))),
    network: Type.Object({ host: Type.String(), port: Type.Integer(), url: Type.String() }),
    process: Type.Object({
        status: StringEnum(['starting', 'online', 'stopped', 'errored']),
        pid: Nullable(Type.Integer()),
        restarts: Type.Integer(),
        memory_bytes: Type.Optional(Type.Number()),
        uptime_s: Type.Optional(Nullable(Type.Number())),
    }),
    online: Type.Boolean(),
    clock: Type.Optional(ref(Mk6ClockView)),
}, { $id: 'InventoryEntry' });
/** `engine`: who runs the workers (`pm2` here, or `external`: pods, systemd…), on the front only (a worker lists itself). */
const ENGINE = () => Type.Optional(StringEnum(['pm2', 'external'], { description: 'who runs the workers: pm2 on this machine, or an external engine (docs/engines.md)' }));
export const Inventory = Type.Object({ count: Type.Integer(), engine: ENGINE(), mk6: Type.Array(ref(InventoryEntry)) }, { $id: 'Inventory' });
/** `front`: a gateway call the front answered itself because its MK6 was down (502) or blackholed (504). */
export const JOURNAL_SOURCES = ['GW', 'MOCK', 'SUPERVISION', 'OTHER', 'front'];
export const JournalEntry = Type.Object({
    id: Type.Integer({ minimum: 1 }),
    ts: Time(),
    method: Type.String(),
    path: Type.String(),
    query: Type.Object({}),
    source: StringEnum(JOURNAL_SOURCES),
    endpoint: Nullable(Type.String()),
    mk6_id: Nullable(Type.String()),
    req_body: Type.Optional(Type.Unknown({ description: 'the JSON body as received (token masked), or its text cut at 4 KiB' })),
    status: Type.Integer(),
    resp_body: Type.Optional(Type.Unknown({ description: 'the JSON answer, or its text cut at 4 KiB' })),
    duration_ms: Type.Number(),
    remote: Type.Optional(Nullable(Type.String())),
    sim_time: Type.Optional(Nullable(Time({ description: 'the fleet clock when the call arrived' }))),
    mk6_time: Type.Optional(Time({ description: "the MK6's own clock when the call arrived, present when it runs one (offset, drift)" })),
    req_headers: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'content-type, accept, user-agent, x-request-id as sent; authorization as *** (never its value)' })),
}, { $id: 'JournalEntry' });
export const Journal = Type.Array(ref(JournalEntry), { $id: 'Journal' });
export const JournalCleared = Type.Object({ message: Type.String(), count: Type.Integer() }, { $id: 'JournalCleared' });
/** `GET /healthz` (front and every worker port): the process serves; a worker adds who it is. */
export const Health = Type.Object({ status: Type.Literal('ok'), mk6_id: Type.Optional(Type.String()), pid: Type.Optional(Type.Integer()) }, { $id: 'Health' });
/** `GET /readyz` (front): every MK6 that should be up serves with the fleet's clock and mode. */
export const Readiness = Type.Object({
    ready: Type.Boolean(),
    engine: ENGINE(),
    phase: StringEnum(['starting', 'running', 'stopping']),
    mk6: Type.Record(Type.String(), Type.String(), {
        description: 'per MK6: `ready`, or what it waits for (`starting`, `not answering on port N`, `clock differs from the fleet`, …); `stopped (kill)` and kill outages are not waited for',
    }),
    clocks: Type.Optional(Type.Record(Type.String(), Type.Object({ offset: Type.String(), offset_ms: Type.Integer(), drift_ppm: Type.Number() }), {
        description: 'the MK6s running a clock of their own (offset, drift): deliberate, never counted as `clock differs from the fleet`; absent when none',
    })),
}, { $id: 'Readiness' });
