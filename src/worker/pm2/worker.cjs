// What pm2 starts for each MK6, copied to dist/pm2-worker/ by the build: the worker bundle, by
// require. pm2 imports (ESM) any script whose nearest package.json says "type": "module", as ours
// does, and node then reads the whole CommonJS bundle once more to find its exports: about 40 %
// of a worker's start-up CPU. This folder's package.json says "commonjs", so pm2 requires it.
require('../worker.cjs');
