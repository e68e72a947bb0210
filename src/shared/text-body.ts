/** A text body (a YAML timeline, recette or chaos day) the JSON parser leaves unread, up to 256 KiB: beyond, the contract's 413. */
import type { Context } from 'koa';
import { errors } from '../contract/errors.js';

const MAX_TEXT_BYTES = 256 * 1024;

export async function readTextBody(ctx: Context): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_TEXT_BYTES) throw errors.payloadTooLarge('256 KiB');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
