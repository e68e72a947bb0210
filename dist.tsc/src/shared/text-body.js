import { errors } from '../contract/errors.js';
const MAX_TEXT_BYTES = 256 * 1024;
export async function readTextBody(ctx) {
    const chunks = [];
    let size = 0;
    for await (const chunk of ctx.req) {
        size += chunk.length;
        if (size > MAX_TEXT_BYTES)
            throw errors.payloadTooLarge('256 KiB');
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
