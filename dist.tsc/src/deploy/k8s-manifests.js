/**
 * `mk6-fleet k8s`: a fleet's Kubernetes manifests, one multi-document YAML, deterministic (the
 * same fleet file and options give the same bytes: no clock, no randomness, keys in a fixed
 * order). Pure: the fleet comes parsed, with its file's text.
 *
 *   ConfigMap <fleet>-fleet            the fleet file as the cluster reads it (./k8s-fleet-file.ts)
 *   Service <fleet>-mk6 (headless)     the workers' StatefulSet's own
 *   Service mk6-<id>, one per MK6      its stable address: the supervisor and the gateway reach the MK6 there
 *   StatefulSet <fleet>-mk6            one pod per MK6 (ordinal n = MK6 n of the file), a state claim each
 *   PersistentVolumeClaim <fleet>-supervisor-state
 *   Deployment <fleet>-supervisor      one supervisor, engine external, front on 9001
 *   Service <fleet>-supervisor         the front: proxy, control, page
 *
 * The internal secret is not in the manifests: it is a Secret the user creates once
 * (`<fleet>-internal`, key `internal.secret`), referenced by both pods. Manifests the same
 * for every run cannot hold a fresh secret, and one derived from the fleet file would be known to
 * anyone who has the file; a pod stays pending until the Secret exists, which says what is missing.
 * Bearer tokens (`auth.token_env`) come the same way, from `<fleet>-tokens`, one key per variable.
 *
 * Every Service publishes pods that are not ready: an MK6's outage (`kill refused` closes the
 * worker's port, a blackhole holds calls) must reach the gateway as the worker makes it, not as a
 * Service with no endpoint; and the supervisor is ready only once every worker is, while a worker
 * asks the supervisor for the fleet clock before it listens: hiding an unready supervisor would
 * leave both waiting. Readiness still shows in `kubectl get pods` and `kubectl wait`.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { isImage, isNamespace, k8sNames, K8sInputError } from './k8s-names.js';
import { clusterFleetText, FRONT_PORT, podPort } from './k8s-fleet-file.js';
import { supervisorPod, SUPERVISOR_STORAGE, workerPod, WORKER_STORAGE } from './k8s-pods.js';
export const DEFAULT_IMAGE = 'mk6-fleet:latest';
/** The manifests of `fleet` (parsed from `text`), as one YAML stream. Throws K8sInputError. */
export function k8sManifests(fleet, text, options = {}) {
    return renderManifests(k8sDocuments(fleet, text, options));
}
export function renderManifests(docs) {
    return docs.map((d) => `---\n${stringify(d, { lineWidth: 0, indentSeq: true })}`).join('');
}
export function k8sDocuments(fleet, text, options = {}) {
    const image = options.image ?? DEFAULT_IMAGE;
    const faults = [];
    if (options.namespace !== undefined && !isNamespace(options.namespace))
        faults.push({ kind: 'namespace', value: options.namespace });
    if (!isImage(image))
        faults.push({ kind: 'image', value: image });
    let names = null;
    try {
        names = k8sNames(fleet.name, fleet.mk6.map((m) => m.id));
    }
    catch (err) {
        if (!(err instanceof K8sInputError))
            throw err;
        faults.push(...err.faults);
    }
    if (faults.length || !names)
        throw new K8sInputError(faults);
    const n = names;
    const fleetText = clusterFleetText(text, fleet, n.mk6);
    const port = podPort(fleet);
    const tokenEnvs = [...new Set(fleet.mk6.flatMap((m) => (m.tokenEnv ? [m.tokenEnv] : [])))].sort();
    const labels = (component) => ({ 'app.kubernetes.io/name': 'mk6-fleet', 'app.kubernetes.io/instance': n.base, 'app.kubernetes.io/component': component });
    const meta = (name, component, annotations) => ({
        name,
        ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
        labels: { ...labels(component), 'app.kubernetes.io/managed-by': 'mk6-fleet' },
        ...(annotations ? { annotations } : {}),
    });
    // A changed fleet file changes the pods' template, so `kubectl apply` rolls them onto it.
    const rollOn = { 'mk6-fleet/fleet-sha256': createHash('sha256').update(fleetText).digest('hex') };
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(n.configMap, 'fleet'), data: { 'fleet.yaml': fleetText } };
    const headless = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(n.workers, 'worker'),
        spec: { clusterIP: 'None', publishNotReadyAddresses: true, selector: labels('worker'), ports: [{ name: 'http', port, targetPort: 'http' }] },
    };
    const mk6Services = fleet.mk6.map((spec, i) => {
        const ports = [{ name: 'http', port, targetPort: 'http' }];
        if (spec.port > 0 && spec.port !== port)
            ports.push({ name: 'fleet-port', port: spec.port, targetPort: 'http' });
        return {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: meta(n.mk6[i], 'worker', { 'mk6-fleet/mk6-id': spec.id, 'mk6-fleet/mk6-index': String(i) }),
            spec: { publishNotReadyAddresses: true, selector: { ...labels('worker'), 'statefulset.kubernetes.io/pod-name': `${n.workers}-${i}` }, ports },
        };
    });
    const workers = {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: meta(n.workers, 'worker'),
        spec: {
            serviceName: n.workers,
            replicas: fleet.mk6.length,
            // Every MK6 starts at once, as `npm start` does; one by one, a thousand would take minutes.
            podManagementPolicy: 'Parallel',
            selector: { matchLabels: labels('worker') },
            template: { metadata: { labels: labels('worker'), annotations: rollOn }, spec: workerPod(n, image, port, tokenEnvs) },
            volumeClaimTemplates: [{ metadata: { name: 'state' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: WORKER_STORAGE } } } }],
        },
    };
    const supervisorState = {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta(`${n.supervisor}-state`, 'supervisor'),
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: SUPERVISOR_STORAGE } } },
    };
    const supervisor = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta(n.supervisor, 'supervisor'),
        spec: {
            replicas: 1,
            // One supervisor at a time: the old one goes before the new one mounts the state claim.
            strategy: { type: 'Recreate' },
            selector: { matchLabels: labels('supervisor') },
            template: { metadata: { labels: labels('supervisor'), annotations: rollOn }, spec: supervisorPod(n, image, tokenEnvs) },
        },
    };
    const front = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(n.supervisor, 'supervisor'),
        spec: { publishNotReadyAddresses: true, selector: labels('supervisor'), ports: [{ name: 'front', port: FRONT_PORT, targetPort: 'front' }] },
    };
    return [configMap, headless, ...mk6Services, workers, supervisorState, supervisor, front];
}
/** What the user must create before applying: the Secrets the manifests reference. */
export function requiredSecrets(fleet) {
    const n = k8sNames(fleet.name, fleet.mk6.map((m) => m.id));
    const keys = [...new Set(fleet.mk6.flatMap((m) => (m.tokenEnv ? [m.tokenEnv] : [])))].sort();
    return { internal: n.internalSecret, tokens: keys.length ? { name: n.tokens, keys } : null };
}
