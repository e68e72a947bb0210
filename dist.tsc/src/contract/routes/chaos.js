/** A seeded chaos day (DESIGN "Chaos days and fault coverage") loaded as the fleet's timeline. */
import { errors } from '../errors.js';
import * as S from '../schema/index.js';
import { FRONT, fleetOp } from './common.js';
import { TAGS } from './kit.js';
import { chaosSay } from '../../i18n/chaos-messages.js';
export const CHAOS_ROUTES = [
    fleetOp(FRONT, 'post', '/mock/chaos', 'loadChaos', TAGS.fleet, 'Load a chaos day as the timeline (replaces the current one): JSON options draw it from the seed on the fleet file\'s MK6s and sites, exactly as `mk6-fleet chaos` would write it; or post a generated file as YAML text', { 200: json200() }, {
        400: ['Bad options (seed, window, fault kinds, targets, intensity), or a file that is not a valid timeline', errors.badRequest((l) => chaosSay(l).badChoice('intensity', 'wild', 'low|medium|high'), { field: 'intensity' })],
        413: ['Body over 256 KiB', errors.payloadTooLarge('256 KiB')],
    }, { schema: S.ChaosOptionsBody, yaml: true, examples: { low: { value: { seed: 7, intensity: 'low', date: '2030-01-01' } } } }),
];
function json200() {
    return { description: 'the day, loaded: its seed, its file and the timeline', schema: S.ChaosLoaded };
}
