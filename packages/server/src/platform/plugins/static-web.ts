import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Serves the built web app; any non-API GET falls back to index.html for client-side routes. */
export async function registerStaticWeb(app: FastifyInstance, distDir: string | undefined): Promise<boolean> {
  if (!distDir || !existsSync(join(distDir, "index.html"))) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    maxAge: "1h",
    setHeaders: (reply, path) => {
      if (path.endsWith("index.html")) reply.header("cache-control", "no-cache");
    },
  });
  return true;
}
