/**
 * Secrets stay out of the journal: the token given to `/mock/mk6/{id}/auth`, and a token a
 * client put where it does not belong (`?access_token=`, a body field), masked by name.
 */
const SECRET_FIELD = /^(token|access_token|id_token|refresh_token|api_?key|apikey|password|secret|authorization|bearer)$/i;
export function redactSecrets(value) {
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return value;
    if (!Object.keys(value).some((k) => SECRET_FIELD.test(k)))
        return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '***' : v]));
}
