/** `timeout`: the connection is accepted and the request read, then nothing is ever answered. */
import type { Behaviour } from '../behaviour.js';

export const timeout: Behaviour = {
  type: 'timeout',
  fields: [],
  parse: () => ({}),
  phase: () => 'answer',
  answer: (_p, ex) => ex.hold(),
};
