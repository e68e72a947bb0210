/** `time set ISO [--speed K]`, `time advance DURATION`, `time speed K`, `time release`: the fleet clock. */
import { durationProblem, parseDuration } from '../../../src/contract/duration.js';
import { call, number, out, UsageError, type Command } from '../context.js';

export const time: Command = async ([sub, arg], o) => {
  if (sub === 'set') {
    if (!arg) throw new UsageError('time set: heure ISO manquante');
    const speed = o.speed === undefined ? undefined : number(o.speed, '--speed');
    const res = await call(o, 'POST', '/mock/time', { now: arg, ...(speed !== undefined ? { speed } : {}) });
    return out(o, res, () => `horloge: ${(res as { now: string }).now}${speed ? ` ×${speed}` : ' (figée)'}`);
  }
  if (sub === 'advance') {
    // The one duration grammar; a bare number is milliseconds, a leading `-` goes back.
    const ms = parseDuration(arg, { bare: 'ms', negative: true });
    if (ms === null) throw new UsageError(durationProblem(arg ?? ''));
    const clock = (await call(o, 'GET', '/supervision/api/time')) as { now: string; speed?: number };
    const now = new Date(Date.parse(clock.now) + ms).toISOString();
    const res = await call(o, 'POST', '/mock/time', { now, ...(clock.speed ? { speed: clock.speed } : {}) });
    return out(o, res, () => `horloge: ${(res as { now: string }).now}`);
  }
  if (sub === 'speed') {
    const res = await call(o, 'POST', '/mock/time', { speed: number(arg, 'speed') });
    return out(o, res, () => `horloge: ${(res as { now: string }).now} ×${arg}`);
  }
  if (sub === 'release') {
    const res = await call(o, 'POST', '/mock/time/release', {});
    return out(o, res, () => 'horloge: système (temps réel)');
  }
  throw new UsageError(`time: sous-commande inconnue '${sub ?? ''}' (set|advance|speed|release)`);
};
