/**
 * A JSON answer on a Koa context, set as text. Koa 3 checks any object body against Blob,
 * ReadableStream and Response, and the first look at the global `Response` makes Node load
 * undici, tls and http2: ~10 MiB of RSS in every worker that answered one JSON call through
 * Koa. Text is passed through as is. The value stays at hand for the journal.
 */
import type { Context } from 'koa';

export const JSON_TYPE = 'application/json; charset=utf-8';

const ANSWER = Symbol('mk6.jsonAnswer');
interface JsonAnswer {
  text: string;
  value: unknown;
}

/** Answers `value` as JSON (`status` after the body, as Koa sets 200 on a first body). */
export function answerJson(ctx: Context, value: unknown, status?: number): void {
  const text = JSON.stringify(value) ?? 'null';
  ctx.type = JSON_TYPE;
  ctx.body = text;
  (ctx.state as Record<symbol, JsonAnswer>)[ANSWER] = { text, value };
  if (status !== undefined) ctx.status = status;
}

/** The JSON answer on this context, unless its body was replaced since. */
export function jsonAnswerOf(ctx: Context): JsonAnswer | undefined {
  const answer = (ctx.state as Record<symbol, JsonAnswer | undefined>)[ANSWER];
  return answer !== undefined && ctx.body === answer.text ? answer : undefined;
}
