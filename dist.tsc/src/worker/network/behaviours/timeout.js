export const timeout = {
    type: 'timeout',
    fields: [],
    parse: () => ({}),
    phase: () => 'answer',
    answer: (_p, ex) => ex.hold(),
};
