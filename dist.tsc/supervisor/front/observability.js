/**
 * The front's contract and observability routes, served before its journal and body parser:
 * GET /openapi.json (the whole document), GET /docs (Swagger UI from the swagger-ui-dist
 * package, no CDN, "try it out" against this origin) and its assets, GET /metrics
 * (Prometheus text). A router built from their declarations (src/contract/routes/observe.ts);
 * anything else goes on to the next middleware.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openapiHandler } from '../../src/contract/openapi/serve.js';
import { buildRouter } from '../../src/contract/routes/build-router.js';
import { routeById } from '../../src/contract/routes/index.js';
const DOCS_ASSETS = '/docs/assets/';
const ASSETS = {
    'swagger-ui.css': 'text/css; charset=utf-8',
    'index.css': 'text/css; charset=utf-8',
    'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
    'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
    'favicon-32x32.png': 'image/png',
    'favicon-16x16.png': 'image/png',
};
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>MK6 fleet simulator — API reference</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="stylesheet" href="/docs/assets/index.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      deepLinking: true,
      tryItOutEnabled: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
    });
  </script>
</body>
</html>
`;
/** The declarations this middleware answers. */
export const OBSERVABILITY_ROUTES = ['getOpenapi', 'getDocs', 'getMetrics'].map(routeById);
export function observability(metrics) {
    let assetsDir = null;
    const asset = async (name) => {
        assetsDir ??= path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
        return readFile(path.join(assetsDir, name));
    };
    const router = buildRouter('front observability', OBSERVABILITY_ROUTES, {
        getOpenapi: openapiHandler('front'),
        getDocs: (ctx) => {
            ctx.type = 'text/html; charset=utf-8';
            ctx.body = DOCS_PAGE;
        },
        getMetrics: async (ctx) => {
            ctx.type = metrics.registry.contentType;
            ctx.body = await metrics.registry.metrics();
        },
    });
    const routes = router.routes();
    return async (ctx, next) => {
        if (ctx.method !== 'GET' && ctx.method !== 'HEAD')
            return next();
        const p = ctx.path;
        if (p.startsWith(DOCS_ASSETS)) {
            const name = p.slice(DOCS_ASSETS.length);
            const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
            if (type === undefined)
                return next(); // → 404 NOT_FOUND body
            ctx.type = type;
            ctx.set('Cache-Control', 'public, max-age=3600');
            ctx.body = await asset(name);
            return;
        }
        return routes(ctx, next);
    };
}
