import assert from "node:assert/strict";
const NAME = "[A-Za-z_][\\w.-]*";
const ENTITY = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
function assertWellFormedXml(text) {
  assert.match(text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, "the prolog");
  assert.doesNotMatch(text, FORBIDDEN, "a control character");
  const body = text.replace(/^<\?xml[^?]*\?>/, "");
  const stack = [];
  const names = [];
  const tag = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>`, "y");
  let i = 0;
  let roots = 0;
  while (i < body.length) {
    const lt = body.indexOf("<", i);
    const textPart = body.slice(i, lt < 0 ? void 0 : lt);
    assert.doesNotMatch(textPart, ENTITY, `a bare & in text: ${textPart.slice(0, 80)}`);
    if (stack.length === 0) assert.match(textPart, /^\s*$/, "text outside the root");
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    assert.ok(m, `a malformed tag at ${body.slice(lt, lt + 80)}`);
    const [whole, closing, name, attrs, selfClosing] = m;
    const attrNames = [...attrs.matchAll(new RegExp(`(${NAME})="([^"]*)"`, "g"))].map(([, n, v]) => {
      assert.doesNotMatch(v, ENTITY, `a bare & in ${name}@${n}`);
      return n;
    });
    assert.equal(new Set(attrNames).size, attrNames.length, `an attribute twice on ${name}`);
    if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes another element`);
    } else {
      if (stack.length === 0) roots++;
      names.push(name);
      if (!selfClosing) stack.push(name);
    }
    i = lt + whole.length;
  }
  assert.deepEqual(stack, [], "every element closed");
  assert.equal(roots, 1, "one root element");
  return names;
}
export {
  assertWellFormedXml
};
