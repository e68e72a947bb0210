/** Readers of untrusted JSON fields that raise the contract's errors. */
import { errors } from './errors.js';
import { parseIsoTime } from './time.js';

export type Body = Record<string, unknown>;

export function asBody(value: unknown): Body {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw errors.badRequest('Le corps doit être un objet JSON');
  }
  return value as Body;
}

export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

export function requiredString(body: Body, field: string, maxLength = 200): string {
  const value = body[field];
  if (isAbsent(value)) throw errors.missingField(field);
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw errors.badRequest(`${field} invalide`, { field });
  }
  return value;
}

export function requiredNumber(body: Body, field: string): number {
  const value = body[field];
  if (isAbsent(value)) throw errors.missingField(field);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw errors.badRequest(`${field} doit être un nombre`, { field });
  }
  return value;
}

/** An optional ISO time: absent or null → null; unparseable → 400. */
export function optionalTime(body: Body, field: string): number | null {
  const value = body[field];
  if (isAbsent(value)) return null;
  const t = typeof value === 'string' && value.length <= 64 ? parseIsoTime(value) : null;
  if (t === null) throw errors.badRequest(`${field} invalide: ${JSON.stringify(value).slice(0, 80)}`, { field });
  return t;
}

/** ids and sycodes name files and pm2 apps: letters, digits, `.`, `_`, `-`, at most 64. */
export const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isSafeId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_ID.test(value) && value !== '.' && value !== '..';
}

export function assertSafeId(value: unknown, field: string): string {
  if (!isSafeId(value)) {
    throw errors.badRequest(`${field} invalide (lettres, chiffres, '.', '_', '-', 64 max)`, { field });
  }
  return value;
}
