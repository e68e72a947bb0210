export const TAGS = {
    mk6: 'MK6 API',
    mock: 'Mock control',
    clock: 'Clock, mode and reset',
    journal: 'Journal',
    fleet: 'Fleet',
    meta: 'Contract and observability',
};
export const resolve = (value, t) => (typeof value === 'function' ? value(t) : value);
