# One image for every Drobble service; docker-compose.yml picks the entry point per service.
FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY subgraphs ./subgraphs
COPY gateway ./gateway
COPY schema ./schema
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --include=dev && npm cache clean --force
USER node
