# The Quorum image: the `quorum` command (serve, ingest) on Node 20. It talks to a Neo4j
# named by NEO4J_URI (see docker-compose.yml); the embedded Neo4j launcher is not used here.
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production

# Dependencies first, so that a change in the sources does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --include=dev --ignore-scripts --no-audit --no-fund

COPY . .
RUN npm run build && npm prune --omit=dev && npm cache clean --force

USER node
EXPOSE 4000
ENTRYPOINT ["node", "bin/quorum.mjs"]
CMD ["serve", "--port", "4000", "--host", "0.0.0.0"]
