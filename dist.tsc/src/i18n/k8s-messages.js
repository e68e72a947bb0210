import { formatNumber } from './format.js';
export const K8S_MESSAGES = {
    fr: {
        usage: 'k8s FICHIER [--namespace NS] [--image IMAGE] [--out FICHIER]',
        unreadable: (file, code) => `${file}: fichier de flotte illisible (${code})`,
        fault: (f) => {
            switch (f.kind) {
                case 'namespace':
                    return `--namespace invalide: '${f.value}' (minuscules, chiffres et '-', 63 au plus, ni début ni fin par '-')`;
                case 'image':
                    return `--image invalide: '${f.value}'`;
                case 'collision':
                    return `les MK6 ${f.first} et ${f.second} auraient le même nom de Service Kubernetes '${f.name}': renommez l'un d'eux`;
                case 'tooLong':
                    return `le MK6 ${f.id} donnerait un nom de Service invalide '${f.name}' (63 caractères au plus): raccourcissez son id`;
            }
        },
        written: (file, documents, mk6) => `${file}: ${formatNumber('fr', documents)} manifestes, ${formatNumber('fr', mk6)} MK6`,
        createSecret: (command) => `Avant kubectl apply, créez le secret interne une fois:\n  ${command}`,
        createTokens: (command) => `et les jetons des MK6 (une clé par variable):\n  ${command}`,
    },
    en: {
        usage: 'k8s FILE [--namespace NS] [--image IMAGE] [--out FILE]',
        unreadable: (file, code) => `${file}: fleet file unreadable (${code})`,
        fault: (f) => {
            switch (f.kind) {
                case 'namespace':
                    return `invalid --namespace: '${f.value}' (lower-case letters, digits and '-', 63 at most, not starting or ending with '-')`;
                case 'image':
                    return `invalid --image: '${f.value}'`;
                case 'collision':
                    return `MK6 ${f.first} and ${f.second} would have the same Kubernetes Service name '${f.name}': rename one of them`;
                case 'tooLong':
                    return `MK6 ${f.id} would make an invalid Service name '${f.name}' (63 characters at most): shorten its id`;
            }
        },
        written: (file, documents, mk6) => `${file}: ${formatNumber('en', documents)} manifests, ${formatNumber('en', mk6)} MK6`,
        createSecret: (command) => `Before kubectl apply, create the internal secret once:\n  ${command}`,
        createTokens: (command) => `and the MK6s' tokens (one key per variable):\n  ${command}`,
    },
};
