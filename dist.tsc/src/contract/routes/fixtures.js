export const ROU2 = 'ROU2';
export const PDL10 = '8FV8CCX2w7X0'; // thissite, pmax 11120
export const PDL5 = '8FV8C9MWwHH0'; // nearsite, pmax 11120
export const PDL8 = '8FV8C9MWwHJ0';
export const ROU2_SITES = [
    { sycode: PDL10, name: 'ROU2 PDL10', role: 'thissite', pmax_kw: 11120, prm_id: '50048300262939' },
    { sycode: PDL8, name: 'ROU2 PDL8', role: 'nearsite', pmax_kw: 11120, prm_id: '50015159886785' },
    { sycode: PDL5, name: 'ROU2 PDL5', role: 'nearsite', pmax_kw: 11120, prm_id: '50049023851893' },
    { sycode: '8FV8CCX2w7W0', name: 'ROU2 PDL9', role: 'nearsite', pmax_kw: 11120, prm_id: '50048155545173' },
];
export const ROU2_MONITORING = {
    thissite: { [PDL10]: 'ROU2 PDL10' },
    nearsite: [{ [PDL8]: 'ROU2 PDL8' }, { [PDL5]: 'ROU2 PDL5' }, { '8FV8CCX2w7W0': 'ROU2 PDL9' }],
    state: { [PDL10]: 2, [PDL8]: 2, [PDL5]: 2, '8FV8CCX2w7W0': 2 },
};
export const req001 = (t) => ({
    id: 'REQ-001',
    seq: 1,
    set: 'Psetpoint',
    site: { [PDL10]: 'ROU2 PDL10' },
    psetpoint: 5000,
    start_time: t.at(2),
    end_time: t.at(8),
    state: 'scheduled',
    created_at: t.at(0),
});
export const PDL5_VIEW = {
    sycode: PDL5,
    site_name: 'ROU2 PDL5',
    role: 'nearsite',
    prm_id: '50049023851893',
    state: 2,
    fault: false,
    pmax_wf: 11120,
    pavailable: 6480.5,
    pactive: 6480.5,
    psetpoint_recu: 11120,
    stop_wf_active: false,
    active_request: null,
    external_constraint: null,
};
export const PLANT_VIEW = {
    mk6_id: ROU2,
    sycode: PDL5,
    dynamics: { ramp_kw_per_min: 1000, dead_time_s: 30 },
    profile: null,
    pavailable: 6480,
    pactive: 6480,
};
export const PLANT_EXAMPLES = {
    ramp: { value: { dynamics: { ramp_kw_per_min: 1000, ramp_down_kw_per_min: 2000, dead_time_s: 30 } } },
    recorded_day: { value: { profile: { kind: 'recorded', points: [['00:00', 2000], ['06:00', 3500], ['12:00', 9000], ['18:00', 5000]] } } },
    walk: { value: { profile: { kind: 'walk', min_kw: 1000, max_kw: 8000, step_kw: 250, interval_s: 10, seed: 7 } } },
    model: { value: { profile: { kind: 'model', low: 0.2, high: 0.9, variability: 0.5 } } },
    back_to_default: { value: { dynamics: null, profile: null } },
};
/** The examples' clock: `at(0)` is the next whole hour after `now` (UTC), ISO without milliseconds. */
export function exampleClock(now) {
    const anchor = Math.ceil(now / 3_600_000) * 3_600_000;
    return { at: (hours) => new Date(anchor + hours * 3_600_000).toISOString().replace('.000Z', 'Z') };
}
