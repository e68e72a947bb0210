/** Readers of a condition's numeric and enumerated fields that raise the contract's errors (400, 441, 442). */
import { errors } from '../domain/errors.js';
import { isAbsent, type Body } from '../domain/input.js';

export function numberField(body: Body, field: string, range: { min: number; max: number; integer?: boolean; required?: boolean; exclusiveMin?: boolean }): number | undefined {
  const value = body[field];
  if (isAbsent(value)) {
    if (range.required) throw errors.missingField(field);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw errors.badRequest(`${field} doit être un nombre`, { field });
  const low = range.exclusiveMin ? value <= range.min : value < range.min;
  if (low || value > range.max || (range.integer && !Number.isInteger(value))) {
    const kind = range.integer ? 'un entier' : 'un nombre';
    throw errors.invalidValue(`${field} invalide: ${value} (${kind} ${range.exclusiveMin ? '>' : '>='} ${range.min} et <= ${range.max})`, { field, min: range.min, max: range.max });
  }
  return value;
}

export function enumField<T extends string>(body: Body, field: string, allowed: readonly T[], fallback: T): T {
  const value = body[field];
  if (isAbsent(value)) return fallback;
  if (typeof value !== 'string') throw errors.badRequest(`${field} doit être une chaîne`, { field });
  if (!allowed.includes(value as T)) throw errors.invalidValue(`${field} invalide: '${value.slice(0, 40)}' (${allowed.join('|')})`, { field, allowed });
  return value as T;
}
