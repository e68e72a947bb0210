/** The contract's error body: every error the fleet answers, whatever its status. */
import { Type } from './kit.js';
export const ErrorBody = Type.Object({
    error: Type.String({ description: 'the contract code, e.g. SITE_NOT_FOUND' }),
    code: Type.Integer({ description: 'the HTTP status' }),
    message: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
}, { $id: 'Error', additionalProperties: false });
