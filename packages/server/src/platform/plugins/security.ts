import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookies, security headers, rate limits and CSRF protection. Every state-changing API request
 * must carry the token from GET /api/session in `x-csrf-token`; the secret lives in an httpOnly,
 * SameSite=Strict cookie, so a forged cross-site request has neither.
 */
export async function registerSecurity(
  app: FastifyInstance,
  options: { secureCookies: boolean; csrfExempt?: (request: FastifyRequest) => boolean },
): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Over plain http on localhost HSTS would be wrong; a TLS proxy adds it.
    hsts: options.secureCookies,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCsrf, {
    cookieKey: "sonae_csrf",
    cookieOpts: { path: "/", httpOnly: true, sameSite: "strict", secure: options.secureCookies },
    getToken: (request) => {
      const header = request.headers["x-csrf-token"];
      return Array.isArray(header) ? header[0] : header;
    },
  });
  app.addHook("onRequest", (request, reply, done) => {
    if (
      SAFE_METHODS.has(request.method) ||
      !request.url.startsWith("/api/") ||
      options.csrfExempt?.(request)
    ) {
      return done();
    }
    app.csrfProtection(request, reply, done);
  });
}
