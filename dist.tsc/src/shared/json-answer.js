export const JSON_TYPE = 'application/json; charset=utf-8';
const ANSWER = Symbol('mk6.jsonAnswer');
/** Answers `value` as JSON (`status` after the body, as Koa sets 200 on a first body). */
export function answerJson(ctx, value, status) {
    const text = JSON.stringify(value) ?? 'null';
    ctx.type = JSON_TYPE;
    ctx.body = text;
    ctx.state[ANSWER] = { text, value };
    if (status !== undefined)
        ctx.status = status;
}
/** The JSON answer on this context, unless its body was replaced since. */
export function jsonAnswerOf(ctx) {
    const answer = ctx.state[ANSWER];
    return answer !== undefined && ctx.body === answer.text ? answer : undefined;
}
