# kumoscan container image: multi-stage, Node LTS slim, production dependencies only, non-root.
# Build: docker build -t kumoscan .
# Run:   docker run --rm -e AWS_PROFILE -v ~/.aws:/home/node/.aws:ro kumoscan scan aws
#        docker run --rm -v "$PWD/out:/out" kumoscan demo --out-dir /out   (Azurite runs inside; no cloud account)
FROM node:24-slim AS build
WORKDIR /src
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY src ./src
COPY providers ./providers
COPY checks ./checks
COPY reports ./reports
COPY test ./test
COPY bench ./bench
RUN npx tsc -p tsconfig.json

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist/src ./dist/src
COPY --from=build /src/dist/providers ./dist/providers
COPY --from=build /src/dist/checks ./dist/checks
COPY --from=build /src/dist/reports ./dist/reports
COPY reports/report.schema.json ./reports/report.schema.json
COPY examples ./examples
COPY bin ./bin
RUN ln -s /app/bin/kumoscan.js /usr/local/bin/kumoscan
USER node
WORKDIR /home/node
ENTRYPOINT ["kumoscan"]
CMD ["--help"]
