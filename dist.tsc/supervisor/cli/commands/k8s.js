/**
 * `k8s FILE [--namespace NS] [--image IMG] [--out FILE]`: the fleet's Kubernetes manifests
 * (src/deploy/), to stdout for `| kubectl apply -f -` or to --out; what to create first (the
 * Secrets they reference) on stderr. Needs no running fleet. 2 on a bad file or option.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FleetFileError, parseFleet } from '../../../src/config/fleet-file.js';
import { k8sDocuments, renderManifests, requiredSecrets } from '../../../src/deploy/k8s-manifests.js';
import { K8sInputError } from '../../../src/deploy/k8s-names.js';
import { SECRET_KEY } from '../../../src/deploy/k8s-pods.js';
import { messagesFor } from '../../../src/i18n/catalogue.js';
import { EXIT, UsageError } from '../context.js';
import { K8S_MESSAGES } from '../../../src/i18n/k8s-messages.js';
/** The tokens live in the cluster, not here: a fleet file's `token_env` need not be set where the manifests are made. */
const EVERY_VARIABLE_SET = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? 'set' : undefined) });
export const k8s = async ([file, ...extra], o) => {
    const m = messagesFor(K8S_MESSAGES, o.lang);
    if (!file || extra.length)
        throw new UsageError(m.usage);
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (err) {
        throw new UsageError(m.unreadable(file, err.code ?? err.message));
    }
    let docs;
    let fleet;
    try {
        fleet = parseFleet(text, file, EVERY_VARIABLE_SET);
        docs = k8sDocuments(fleet, text, { namespace: o.namespace, image: o.image });
    }
    catch (err) {
        if (err instanceof FleetFileError)
            throw new UsageError(err.render(o.lang));
        if (err instanceof K8sInputError)
            throw new UsageError(err.faults.map(m.fault).join('\n'));
        throw err;
    }
    const yaml = renderManifests(docs);
    if (o.out) {
        writeFileSync(o.out, yaml);
        o.io.err(m.written(o.out, docs.length, fleet.mk6.length));
    }
    else
        o.io.write(yaml);
    const secrets = requiredSecrets(fleet);
    const kubectl = ['kubectl', ...(o.namespace ? ['-n', o.namespace] : []), 'create', 'secret', 'generic'];
    o.io.err(m.createSecret([...kubectl, secrets.internal, `--from-literal=${SECRET_KEY}=$(openssl rand -hex 32)`].join(' ')));
    if (secrets.tokens)
        o.io.err(m.createTokens([...kubectl, secrets.tokens.name, ...secrets.tokens.keys.map((k) => `--from-literal=${k}=…`)].join(' ')));
    return EXIT.ok;
};
