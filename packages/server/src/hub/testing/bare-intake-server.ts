/**
 * Reference server for `npm run bench:hub`: the least a durable signed intake must do — parse
 * JSON, verify Ed25519 over the body, and commit one row with a unique nonce in PostgreSQL — on
 * bare node:http + pg. The hub's figure is printed as a ratio of this one, measured in the same run.
 */
import { createPublicKey, verify } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query("CREATE TABLE IF NOT EXISTS bare_intake (nonce text PRIMARY KEY, body text NOT NULL)");
const keys = new Map<string, ReturnType<typeof createPublicKey>>();

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    try {
      const request = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        publicKey: string;
        body: string;
        signature: string;
      };
      let key = keys.get(request.publicKey);
      if (!key) {
        key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: request.publicKey }, format: "jwk" });
        keys.set(request.publicKey, key);
      }
      if (!verify(null, Buffer.from(request.body), key, Buffer.from(request.signature, "base64url")))
        throw new Error("signature");
      const body = JSON.parse(request.body) as { nonce: string };
      await pool.query("INSERT INTO bare_intake (nonce, body) VALUES ($1, $2)", [body.nonce, request.body]);
      res.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}');
    } catch {
      res.writeHead(400).end();
    }
  });
}).listen(Number(process.env.PORT), "127.0.0.1");
