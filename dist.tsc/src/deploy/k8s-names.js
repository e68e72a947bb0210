/**
 * The names of a fleet's Kubernetes objects: stable (from the fleet's name and each MK6's id, never
 * from its place in the file), DNS-1035 labels (what a Service name must be), and refused, every
 * fault at once, when two would be the same. Pure: no I/O.
 */
export class K8sInputError extends Error {
    faults;
    constructor(faults) {
        super(faults.map((f) => JSON.stringify(f)).join('; '));
        this.faults = faults;
        this.name = 'K8sInputError';
    }
}
/** RFC 1035 label (a Service's name): a letter first, lower-case letters, digits and '-', 63 at most. */
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 label (a namespace's name): a letter or a digit first. */
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_LABEL = 63;
/** A StatefulSet's pods carry `controller-revision-hash: <name>-<10 chars>`, a label value of 63 at most. */
const MAX_BASE = 40;
/** `ROU1.1` → `rou1-1`: lower case, every run of other characters one '-', none at either end. */
export function slug(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
export function isNamespace(ns) {
    return ns.length <= MAX_LABEL && DNS_1123.test(ns);
}
/** An image reference as a container runtime reads it: no blank, no control character, not empty. */
export function isImage(image) {
    return image.length > 0 && image.length <= 512 && /^[\x21-\x7e]+$/.test(image);
}
/** The names of a fleet named `fleetName` whose MK6s are `ids`, in file order; throws K8sInputError on a collision. */
export function k8sNames(fleetName, ids) {
    let base = slug(fleetName).slice(0, MAX_BASE).replace(/-+$/, '');
    if (!DNS_1035.test(base))
        base = `mk6-${base}`.replace(/-+$/, '').slice(0, MAX_BASE);
    const names = {
        base,
        configMap: `${base}-fleet`,
        workers: `${base}-mk6`,
        supervisor: `${base}-supervisor`,
        internalSecret: `${base}-internal`,
        tokens: `${base}-tokens`,
        mk6: ids.map((id) => `mk6-${slug(id)}`.replace(/-+$/, '')),
    };
    const faults = [];
    // Service names share one namespace: the fleet's own two, then each MK6's.
    const owner = new Map([
        [names.workers, `(${names.workers})`],
        [names.supervisor, `(${names.supervisor})`],
    ]);
    ids.forEach((id, i) => {
        const name = names.mk6[i];
        if (name.length > MAX_LABEL || !DNS_1035.test(name))
            return faults.push({ kind: 'tooLong', id, name });
        const other = owner.get(name);
        if (other !== undefined)
            faults.push({ kind: 'collision', name, first: other, second: id });
        else
            owner.set(name, id);
    });
    if (faults.length)
        throw new K8sInputError(faults);
    return names;
}
