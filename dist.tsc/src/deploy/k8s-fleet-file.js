/**
 * The fleet file as the cluster reads it (the ConfigMap's `fleet.yaml`): the user's file, its
 * comments and order kept, with what differs between one machine and a cluster rewritten:
 * - each MK6's `host` is its Service's name (the supervisor finds it there; the worker, told by
 *   `MK6_HOST`, listens on every address of its pod);
 * - each MK6's `port` is the pods' one port (a pod is a host of its own, so every MK6 listens on
 *   the same port, as `workers.address_per_mk6` does on one machine and MK6s do in the field;
 *   one port is also what lets one pod template carry the probes). Its Service answers on that
 *   port and on the MK6's port of the original file, so a gateway's per-MK6 ports still work;
 * - the front listens on every address of its pod, port 9001;
 * - a recorded day read from a file (`profile.file`) is written in (`profile.points`): the
 *   ConfigMap holds one file;
 * - `engine: external`, after `name` (the supervisor is also started with `--engine external`).
 * Pure: the recorded days come in the parsed fleet.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
export const FRONT_PORT = 9001;
/** The pods' port when the file does not name one (`workers.port` with `address_per_mk6`). */
export const DEFAULT_POD_PORT = 8080;
/** The one port every worker pod listens on. */
export function podPort(fleet) {
    return fleet.workers.port ?? DEFAULT_POD_PORT;
}
/** The fleet file `text` (parsed as `fleet`) with each MK6 at `hosts[i]`, the pods' port, the front on 0.0.0.0:9001. */
export function clusterFleetText(text, fleet, hosts) {
    const doc = parseDocument(text);
    const port = podPort(fleet);
    fleet.mk6.forEach((spec, i) => {
        doc.setIn(['mk6', i, 'host'], hosts[i]);
        doc.setIn(['mk6', i, 'port'], port);
        spec.sites.forEach((site, j) => {
            const at = ['mk6', i, 'sites', j, 'profile'];
            if (doc.hasIn([...at, 'file']) && site.profile?.kind === 'recorded') {
                doc.deleteIn([...at, 'file']);
                doc.setIn([...at, 'points'], doc.createNode(site.profile.points, { flow: true }));
            }
        });
    });
    doc.setIn(['proxy', 'host'], '0.0.0.0');
    doc.setIn(['proxy', 'port'], FRONT_PORT);
    if (doc.has('engine') || !isMap(doc.contents))
        doc.set('engine', 'external');
    else {
        const items = doc.contents.items;
        const afterName = items.findIndex((p) => isScalar(p.key) && p.key.value === 'name') + 1;
        items.splice(afterName, 0, doc.createPair('engine', 'external'));
    }
    return doc.toString({ lineWidth: 0 });
}
