/**
 * The supervision page's reads of one MK6: the front makes them with the fleet's secret, so
 * they are not journaled and read an MK6 in an outage too (supervisor/front/page-reads.ts).
 * Each answers as its `/mock/mk6/{mk6_id}/…` twin, declared from it.
 */
import { MOCK } from './common.js';
import { MOCK_CONTROL_ROUTES, NETWORK_ROUTES } from './mock-control.js';
import { TAGS } from './kit.js';
export const PAGE_READS = ['state', 'history', 'network'];
export const PAGE_READ_ROUTES = PAGE_READS.map((view) => {
    const twin = [...MOCK_CONTROL_ROUTES, ...NETWORK_ROUTES].find((r) => r.method === 'get' && r.path === `${MOCK}/${view}`);
    if (!twin)
        throw new Error(`no GET ${MOCK}/${view} to read for the page`);
    return {
        ...twin,
        path: `/supervision/api/mk6/{mk6_id}/${view}`,
        id: `${twin.id}ForPage`,
        serve: { front: 'middleware' },
        tag: TAGS.fleet,
        summary: `${twin.summary}, as the supervision page reads it: not journaled, answered through an outage`,
    };
});
