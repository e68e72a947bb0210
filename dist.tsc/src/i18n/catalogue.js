/** The messages of one language. */
export function messagesFor(catalogue, lang) {
    return catalogue[lang];
}
/** The maker of a catalogue's texts: `say(key, ...params)` is that message in both languages, rendered when read. */
export function textsOf(catalogue) {
    return (key, ...params) => (lang) => {
        const message = catalogue[lang][key];
        return typeof message === 'string' ? message : message(...params);
    };
}
