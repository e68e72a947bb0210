import { error } from './behaviours/error.js';
import { latency } from './behaviours/latency.js';
import { reset } from './behaviours/reset.js';
import { slow } from './behaviours/slow.js';
import { timeout } from './behaviours/timeout.js';
export const BEHAVIOURS = new Map([latency, timeout, reset, error, slow].map((b) => [b.type, b]));
export const BEHAVIOUR_TYPES = [...BEHAVIOURS.keys()];
