export const ALONE_MESSAGES = {
    fr: {
        noSuchMk6: (name, file, ids) => `--mk6 ${name}: aucun MK6 de ce nom dans ${file} (${ids})`,
        badIndex: (index, last, file, count) => `MK6_INDEX=${index}: 0..${last} attendu (${file} a ${count} MK6)`,
        whichMk6: (file) => `--fleet ${file}: quel MK6 ? (--mk6 ID, MK6_ID ou MK6_INDEX)`,
        noSecretFile: (variable, file) => `${variable}=${file}: fichier absent`,
        mk6WithoutFleet: '--mk6 va avec --fleet FICHIER',
        badFlag: (problem, flags) => `worker: ${problem} (options: ${flags})`,
    },
    en: {
        noSuchMk6: (name, file, ids) => `--mk6 ${name}: no such MK6 in ${file} (${ids})`,
        badIndex: (index, last, file, count) => `MK6_INDEX=${index}: 0..${last} expected (${file} has ${count} MK6)`,
        whichMk6: (file) => `--fleet ${file}: which MK6? (--mk6 ID, MK6_ID or MK6_INDEX)`,
        noSecretFile: (variable, file) => `${variable}=${file}: no such file`,
        mk6WithoutFleet: '--mk6 goes with --fleet FILE',
        badFlag: (problem, flags) => `worker: ${problem} (flags: ${flags})`,
    },
};
