import { FRONT_PORT } from './k8s-fleet-file.js';
/** Where the image keeps the program (the Dockerfile's WORKDIR). */
export const APP_DIR = '/app';
export const WORKER_ENTRY = `${APP_DIR}/dist/worker.cjs`;
export const SUPERVISOR_ENTRY = `${APP_DIR}/dist/supervisor/main.js`;
const FLEET_DIR = '/etc/mk6/fleet';
const FLEET_FILE = `${FLEET_DIR}/fleet.yaml`;
const SECRET_DIR = '/etc/mk6/secret';
export const SECRET_KEY = 'internal.secret';
const STATE_DIR = '/var/lib/mk6';
/** The image's user (node:20-slim's `node`), never root. */
export const RUN_AS = 1000;
/**
 * Resources, sized from what was measured (BENCHMARKS.md, 250 workers on one machine):
 * - a worker's memory request is its proportional share, PSS 22.5 MiB, plus a quarter, rounded
 *   up to 8 MiB: 32Mi. Workers on one node share the node binary's and the bundle's pages, so
 *   what each adds to a node is its PSS, and the scheduler packs a node by the sum of requests;
 * - its memory limit is twice its idle RSS (67 MiB), rounded up to 32 MiB: 160Mi. A pod's cgroup
 *   may be charged the shared pages it touched first, and the V8 heap grows under a burst; an
 *   OOM kill would look to the gateway like an outage nobody asked for;
 * - CPU: an idle worker wakes for a broadcast or a journal batch: 20m requested; its limit is one
 *   core, all one Node thread can use (a lower limit would throttle, and the gateway would see
 *   the throttling as the MK6's latency);
 * - the supervisor: 128Mi requested (119 MiB after 30 minutes of soak), 512Mi limit (its journal
 *   and recordings); 250m CPU requested (the front spends ~120 µs of CPU per proxied call), 2 cores limit.
 */
const PSS_MIB = 22.5;
const IDLE_RSS_MIB = 67;
const roundUp = (mib, step) => Math.ceil(mib / step) * step;
export const WORKER_RESOURCES = {
    requests: { cpu: '20m', memory: `${roundUp(PSS_MIB * 1.25, 8)}Mi` },
    limits: { cpu: '1', memory: `${roundUp(IDLE_RSS_MIB * 2, 32)}Mi` },
};
export const SUPERVISOR_RESOURCES = {
    requests: { cpu: '250m', memory: '128Mi' },
    limits: { cpu: '2', memory: '512Mi' },
};
/** A worker's state files (a few KiB each); a supervisor's holds its recordings too. */
export const WORKER_STORAGE = '64Mi';
export const SUPERVISOR_STORAGE = '1Gi';
const CONTAINER_SECURITY = {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: RUN_AS,
    runAsGroup: RUN_AS,
    capabilities: { drop: ['ALL'] },
};
/** The volumes both pods mount: the fleet file, the internal secret (read by the group fsGroup gives), a scratch /tmp. */
function sharedVolumes(names) {
    return [
        { name: 'fleet', configMap: { name: names.configMap } },
        { name: 'internal-secret', secret: { secretName: names.internalSecret, defaultMode: 0o440, items: [{ key: SECRET_KEY, path: SECRET_KEY }] } },
        { name: 'tmp', emptyDir: { sizeLimit: '16Mi' } },
    ];
}
function mounts() {
    return [
        { name: 'fleet', mountPath: FLEET_DIR, readOnly: true },
        { name: 'internal-secret', mountPath: SECRET_DIR, readOnly: true },
        { name: 'state', mountPath: STATE_DIR },
        { name: 'tmp', mountPath: '/tmp' },
    ];
}
/** What both programs read from their environment; each MK6's token from the Secret the user made, by variable name. */
function commonEnv(names, tokenEnvs) {
    return [
        { name: 'MK6_STATE_DIR', value: STATE_DIR },
        { name: 'MK6_INTERNAL_SECRET_FILE', value: `${SECRET_DIR}/${SECRET_KEY}` },
        ...tokenEnvs.map((v) => ({ name: v, valueFrom: { secretKeyRef: { name: names.tokens, key: v } } })),
    ];
}
/** Pod settings both share: no API token (they never call Kubernetes), no service links (with a Service per MK6, thousands of variables). */
function podBase(names, containers, volumes) {
    return {
        automountServiceAccountToken: false,
        enableServiceLinks: false,
        securityContext: { runAsNonRoot: true, runAsUser: RUN_AS, runAsGroup: RUN_AS, fsGroup: RUN_AS, seccompProfile: { type: 'RuntimeDefault' } },
        containers,
        volumes: [...sharedVolumes(names), ...volumes],
    };
}
/**
 * A worker's pod: MK6 number `apps.kubernetes.io/pod-index` (the pod's ordinal, Kubernetes ≥ 1.28)
 * of the fleet file. Probes: readiness on `/healthz` only. No liveness probe: a worker's `kill
 * refused` closes its port on purpose, and a liveness probe would restart it, ending the outage
 * the gateway is being tested against.
 */
export function workerPod(names, image, port, tokenEnvs) {
    return podBase(names, [
        {
            name: 'worker',
            image,
            imagePullPolicy: 'IfNotPresent',
            command: ['node', WORKER_ENTRY],
            args: ['--fleet', FLEET_FILE],
            env: [
                { name: 'MK6_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" } } },
                { name: 'MK6_HOST', value: '0.0.0.0' },
                { name: 'MK6_SUPERVISOR_URL', value: `http://${names.supervisor}:${FRONT_PORT}` },
                ...commonEnv(names, tokenEnvs),
            ],
            ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }],
            readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 },
            resources: WORKER_RESOURCES,
            securityContext: CONTAINER_SECURITY,
            volumeMounts: mounts(),
        },
    ], []);
}
/**
 * The supervisor's pod: engine external, the front on 9001. Readiness on `/readyz` (every MK6
 * serving with the fleet's clock and mode), liveness on `/healthz` (the process serves).
 */
export function supervisorPod(names, image, tokenEnvs) {
    return podBase(names, [
        {
            name: 'supervisor',
            image,
            imagePullPolicy: 'IfNotPresent',
            command: ['node', SUPERVISOR_ENTRY],
            args: ['--fleet', FLEET_FILE, '--engine', 'external'],
            // pm2 is not used with engine external; its home, if it makes one, goes to the scratch /tmp.
            env: [...commonEnv(names, tokenEnvs), { name: 'PM2_HOME', value: '/tmp/pm2' }],
            ports: [{ name: 'front', containerPort: FRONT_PORT, protocol: 'TCP' }],
            readinessProbe: { httpGet: { path: '/readyz', port: 'front' }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
            livenessProbe: { httpGet: { path: '/healthz', port: 'front' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 },
            resources: SUPERVISOR_RESOURCES,
            securityContext: CONTAINER_SECURITY,
            volumeMounts: mounts(),
        },
    ], [{ name: 'state', persistentVolumeClaim: { claimName: `${names.supervisor}-state` } }]);
}
