import { Command } from "commander";

export function createStartCommand(): Command {
  return new Command("start")
    .description("サーバーを起動する / Start the server (embedded PGlite unless DATABASE_URL is set)")
    .option("-p, --port <port>", "ポート / port (default 8787, or PORT)")
    .option("--host <host>", "待ち受けアドレス / listen address (default 127.0.0.1, or SONAE_HOST)")
    .action(async (opts: { port?: string; host?: string }) => {
      // Imported on use: loading the server (PDF, spreadsheets, database drivers) costs seconds other commands need not pay.
      const { startServer } = await import("@sonae/server");
      await startServer({
        ...(opts.port ? { port: Number(opts.port) } : {}),
        ...(opts.host ? { host: opts.host } : {}),
      });
    });
}
