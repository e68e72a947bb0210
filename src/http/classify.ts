/** Names a request for the journal: who sent it (GW or tester), which endpoint, which MK6. */

export type Source = 'GW' | 'MOCK' | 'SUPERVISION' | 'OTHER';

export interface Classified {
  source: Source;
  endpoint: string | null;
  mk6_id: string | null;
}

const GW = /^\/api\/v1\/mk6\/([^/]+)(?:\/(.*))?$/;
const MOCK_MK6 = /^\/mock\/mk6\/([^/]+)(?:\/(.*))?$/;

export function classify(path: string): Classified {
  let m = GW.exec(path);
  if (m) return { source: 'GW', endpoint: gatewayEndpoint(m[2] ?? ''), mk6_id: decode(m[1]) };
  m = MOCK_MK6.exec(path);
  if (m) return { source: 'MOCK', endpoint: mockEndpoint(m[2] ?? ''), mk6_id: decode(m[1]) };
  if (path === '/mock/mk6') return { source: 'MOCK', endpoint: 'inventory', mk6_id: null };
  if (path.startsWith('/mock/')) return { source: 'MOCK', endpoint: path.slice(6), mk6_id: null };
  if (path === '/supervision/mode') return { source: 'MOCK', endpoint: 'mode', mk6_id: null };
  if (path.startsWith('/supervision')) return { source: 'SUPERVISION', endpoint: path.slice(13) || 'page', mk6_id: null };
  return { source: 'OTHER', endpoint: null, mk6_id: null };
}

function gatewayEndpoint(rest: string): string {
  const parts = rest.split('/');
  if (parts[0] === 'monitoring' && parts[1] === 'sites' && parts.length > 2) return 'monitoring/sites/{sycode}';
  if (parts[0] === 'planning' && parts.length > 1) return 'planning/{request_id}';
  return rest;
}

function mockEndpoint(rest: string): string {
  const parts = rest.split('/');
  if (parts[0] === 'sites' && parts[2]) return parts[2];
  return parts[0] || 'mk6';
}

export function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
