/** Names a request for the journal: who sent it (GW or tester), which endpoint, which MK6. */
import { parseMk6Path } from './mk6-path.js';
export function classify(path) {
    const named = parseMk6Path(path);
    if (named?.scope === 'api')
        return { source: 'GW', endpoint: gatewayEndpoint(named.rest), mk6_id: named.id };
    if (named)
        return { source: 'MOCK', endpoint: mockEndpoint(named.rest), mk6_id: named.id };
    if (path === '/mock/mk6')
        return { source: 'MOCK', endpoint: 'inventory', mk6_id: null };
    if (path.startsWith('/mock/'))
        return { source: 'MOCK', endpoint: path.slice(6), mk6_id: null };
    if (path === '/supervision/mode')
        return { source: 'MOCK', endpoint: 'mode', mk6_id: null };
    if (path.startsWith('/supervision'))
        return { source: 'SUPERVISION', endpoint: path.slice(13) || 'page', mk6_id: null };
    return { source: 'OTHER', endpoint: null, mk6_id: null };
}
function gatewayEndpoint(rest) {
    const parts = rest.split('/');
    if (parts[0] === 'monitoring' && parts[1] === 'sites' && parts.length > 2)
        return 'monitoring/sites/{sycode}';
    if (parts[0] === 'planning' && parts.length > 1)
        return 'planning/{request_id}';
    return rest;
}
function mockEndpoint(rest) {
    const parts = rest.split('/');
    if (parts[0] === 'sites' && parts[2])
        return parts[2];
    return parts[0] || 'mk6';
}
/** Kept for the front until it adopts `parseMk6Path`. */
