/**
 * The supervision web page: GET /supervision (and /supervision/) answers index.html,
 * GET /supervision/assets/<file> the page's own static files (supervisor/front/page/) and
 * /supervision/assets/vendor/<file> the chart library's, resolved from node_modules.
 * Anything else (/supervision/api/*, /supervision/mode, …) goes on to the next middleware.
 *
 * The page's files are plain JS/CSS, no build step. They are looked up from the package
 * root (packageRoot(), from the build or the bundle), so they are read where they are edited.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Context, Middleware, Next } from 'koa';
import { errors } from '../../src/contract/errors.js';
import { answerWithError } from '../../src/shared/error-writer.js';
import { say } from '../../src/i18n/api-messages.js';
import { packageRoot } from '../../src/shared/package-root.js';

const PAGE_PREFIX = '/supervision';
const ASSETS_PREFIX = '/supervision/assets/';
const VENDOR_PREFIX = '/supervision/assets/vendor/';

/** One flat folder, plain names: no slash, no '%', no leading dot, so no way out of it. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.(?:html|js|css|svg|png|ico|map)$/;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** The chart library, served under /supervision/assets/vendor/. */
const VENDOR_MODULES: Record<string, string> = {
  'uPlot.iife.min.js': 'uplot/dist/uPlot.iife.min.js',
  'uPlot.min.css': 'uplot/dist/uPlot.min.css',
};

export interface SupervisionPageOptions {
  /** Folder of the page's static files; default `<package root>/supervisor/page`. */
  pageDir?: string;
}

export function supervisionPage(options: SupervisionPageOptions = {}): Middleware {
  const pageDir = path.resolve(options.pageDir ?? findPageDir());
  const vendor = resolveVendorFiles();

  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const p = ctx.path;
    if (p === PAGE_PREFIX || p === `${PAGE_PREFIX}/` || p === `${PAGE_PREFIX}/index.html`) {
      return send(ctx, path.join(pageDir, 'index.html'));
    }
    if (!p.startsWith(ASSETS_PREFIX)) return next();

    if (p.startsWith(VENDOR_PREFIX)) {
      const file = vendor.get(p.slice(VENDOR_PREFIX.length));
      return file === undefined ? notFound(ctx) : send(ctx, file);
    }
    const name = p.slice(ASSETS_PREFIX.length);
    if (!SAFE_NAME.test(name)) return notFound(ctx);
    const file = path.resolve(pageDir, name);
    if (path.dirname(file) !== pageDir) return notFound(ctx);
    return send(ctx, file);
  };
}

/** <root>/supervisor/front/page, from the build (dist/supervisor/front/page.js, or the bundled dist/supervisor/main.js) and from source. */
function findPageDir(): string {
  return path.join(packageRoot(import.meta.url), 'supervisor', 'front', 'page');
}

function resolveVendorFiles(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const files = new Map<string, string>();
  for (const [name, specifier] of Object.entries(VENDOR_MODULES)) {
    try {
      files.set(name, require.resolve(specifier));
    } catch {
      // The page still loads and says the chart library is missing.
    }
  }
  return files;
}

async function send(ctx: Context, file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return notFound(ctx);
  }
  if (!info.isFile()) return notFound(ctx);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', 'no-cache');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (ctx.get('if-none-match') === etag) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.body = await readFile(file); // Koa sends only the headers for HEAD
}

function notFound(ctx: Context): void {
  answerWithError(ctx, errors.notFound(say('unknownFile', ctx.path.slice(0, 200))));
}
