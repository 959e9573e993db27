# kumoscan container image: multi-stage, Node.js 24 (Active LTS) slim, production dependencies only, non-root
# (numeric UID 10001), works with a read-only root filesystem: it writes only under the --out-dir you give it.
#   Build: docker build -t kumoscan .
#   Run:   docker run --rm --read-only -v "$PWD/out:/out" kumoscan demo --out-dir /out
#          docker run --rm --read-only -e AWS_REGION -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY -e AWS_SESSION_TOKEN \
#            -v "$PWD/out:/out" kumoscan scan aws --format json,html --out-dir /out
# The base is the Node.js 24 (Active LTS) slim tag; for byte-for-byte rebuilds pin it by digest in both FROM lines
# (node:24-slim@sha256:<digest>) — the digest could not be looked up from the machine this was written on.
# See docs/container.md for what is inside, the read-only root and the scheduled-scan recipes.
# --- build: compile and assemble the production bundle (scripts/bundle.mjs, the same script `npm run bundle` runs)
FROM node:24-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/bundle.mjs ./scripts/bundle.mjs
COPY bin ./bin
COPY src ./src
COPY providers ./providers
COPY checks ./checks
COPY reports ./reports
COPY examples ./examples
COPY README.md ./
RUN node scripts/bundle.mjs --out /bundle

# --- runtime: the bundle and nothing else
FROM node:24-slim
LABEL org.opencontainers.image.title="kumoscan" \
      org.opencontainers.image.description="Cloud object storage scanner: what is really public, tied to Japan's APPI" \
      org.opencontainers.image.licenses="Apache-2.0"
ENV NODE_ENV=production \
    HOME=/home/kumoscan \
    TMPDIR=/tmp \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true \
    NO_UPDATE_NOTIFIER=1
COPY --from=build /bundle /app
# A numeric, non-root user (runAsNonRoot can verify it); its HOME is read-only by design: nothing writes there.
RUN ln -s /app/bin/kumoscan.js /usr/local/bin/kumoscan \
 && mkdir -p /home/kumoscan /out \
 && chown 10001:10001 /out
USER 10001:10001
WORKDIR /out
# A one-shot batch command, not a server: there is nothing for a health check to probe.
HEALTHCHECK NONE
ENTRYPOINT ["kumoscan"]
CMD ["--help"]
