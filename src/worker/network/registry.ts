/** Every network behaviour, by the `type` a condition names (like toxiproxy's toxics). */
import type { Behaviour } from './behaviour.js';
import { error } from './behaviours/error.js';
import { latency } from './behaviours/latency.js';
import { reset } from './behaviours/reset.js';
import { slow } from './behaviours/slow.js';
import { timeout } from './behaviours/timeout.js';

export const BEHAVIOURS: ReadonlyMap<string, Behaviour> = new Map([latency, timeout, reset, error, slow].map((b) => [b.type, b]));

export const BEHAVIOUR_TYPES = [...BEHAVIOURS.keys()];
