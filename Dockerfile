# One image for the MK6 fleet: the supervisor (the default command) and the worker (one per MK6).
# No container engine runs where this project is built and tested: this file is checked by
# test/deploy/dockerfile.test.ts (base, user, health check, every file it copies and runs), not
# built there. See docs/past-one-machine.md.
#   docker build -t mk6-fleet:0.1.0 .
#   supervisor: docker run --init -p 9001:9001 mk6-fleet:0.1.0   (node dist/supervisor/main.js …)
#   worker:     docker run --init -e MK6_HEALTH_PORT=8080 mk6-fleet:0.1.0 node dist/worker.cjs --fleet FILE --mk6 ID
#   CLI:        docker run --rm mk6-fleet:0.1.0 node dist/supervisor/cli/main.js k8s fleet.yaml

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY supervisor ./supervisor
COPY scripts ./scripts
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production MK6_STATE_DIR=/var/lib/mk6
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force \
 && mkdir -p /var/lib/mk6 && chown 1000:1000 /var/lib/mk6
COPY --from=build /app/dist/worker.cjs ./dist/worker.cjs
COPY --from=build /app/dist/pm2-worker ./dist/pm2-worker
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/supervisor ./dist/supervisor
# The supervision page's static files, served from the sources' place (supervisor/front/page.ts).
COPY supervisor/front/page ./supervisor/front/page
COPY fleet.yaml ./
COPY fleets ./fleets
# node:20-slim's user `node`, never root.
USER 1000:1000
EXPOSE 9001 8080
# /healthz of the front (9001), or of a worker with MK6_HEALTH_PORT set to its port; node, not curl (not in the image).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.MK6_HEALTH_PORT||9001)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/supervisor/main.js"]
