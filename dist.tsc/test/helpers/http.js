import http from "node:http";
async function send(base, method, path, o = {}) {
  const headers = { ...o.headers };
  if (o.body !== void 0) headers["content-type"] ??= "application/json";
  const res = await fetch(base + path, {
    method,
    headers,
    body: o.body === void 0 ? void 0 : typeof o.body === "string" ? o.body : JSON.stringify(o.body),
    signal: o.timeoutMs === void 0 ? void 0 : AbortSignal.timeout(o.timeoutMs)
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
function jsonOrText(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
async function call(base, method, path, body, headers = {}) {
  const res = await send(base, method, path, { body, headers });
  return { status: res.status, headers: res.headers, body: res.text ? jsonOrText(res.text) : null };
}
async function request(base, method, path, body, headers = {}) {
  const res = await send(base, method, path, { body, headers });
  const typedJson = (res.headers.get("content-type") ?? "").includes("json");
  return { status: res.status, headers: Object.fromEntries(res.headers), body: typedJson ? jsonOrText(res.text) : res.text, text: res.text };
}
function rawGet(url, timeoutMs = 5e3, method = "GET") {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => body += c);
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
      res.on("error", reject);
      res.on("aborted", () => reject(Object.assign(new Error("aborted"), { code: "ECONNRESET" })));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("client timeout"), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.end();
  });
}
export {
  call,
  jsonOrText,
  rawGet,
  request,
  send
};
