import { readFileSync } from "node:fs";
import Router from "@koa/router";
import Koa from "koa";
import bodyParser from "koa-bodyparser";
const getBody = readFileSync(process.env.BARE_GET_BODY, "utf8");
const postBody = readFileSync(process.env.BARE_POST_BODY, "utf8");
const app = new Koa();
const router = new Router();
router.get("/api/v1/mk6/:id/monitoring/sites/:sycode", (ctx) => {
  ctx.type = "application/json";
  ctx.body = getBody;
});
router.post("/api/v1/mk6/:id/requests", (ctx) => {
  ctx.status = 201;
  ctx.type = "application/json";
  ctx.body = postBody;
});
app.use(bodyParser({ enableTypes: ["json"], jsonLimit: "64kb" }));
app.use(router.routes());
app.listen(Number(process.env.PORT), "127.0.0.1", () => {
  console.log("listening");
  process.send?.("ready");
});
