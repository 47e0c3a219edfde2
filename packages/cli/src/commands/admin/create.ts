import { AppError, ZCreateUserRequest } from "@sonae/core";
import { Command } from "commander";
import { printResult } from "../../output/print";
import { openConfiguredDb } from "../db/open-db";
import { readSecret } from "./read-secret";

/**
 * Creates an administrator from the command line (e.g. when the only admin has left).
 * The password is typed at a hidden prompt or piped on stdin: never a flag, so it does not
 * land in shell history or `ps` output, and there is no default.
 */
export function createAdminCommand(): Command {
  const admin = new Command("admin").description("管理者の操作 / Administrator tasks");
  admin
    .command("create")
    .description("管理者アカウントを作成する / Create an administrator account")
    .requiredOption("--email <email>", "メールアドレス / e-mail address")
    .requiredOption("--name <name>", "表示名 / display name")
    .option("--organisation <id>", "組織ID (複数ある場合) / organisation id when there are several")
    .option("--password-stdin", "パスワードを標準入力から読む / read the password from stdin")
    .option("--json", "JSON で出力 / print JSON")
    .action(
      async (opts: {
        email: string;
        name: string;
        organisation?: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        const password = await readSecret("パスワード / Password: ", Boolean(opts.passwordStdin));
        const input = ZCreateUserRequest.safeParse({
          email: opts.email,
          displayName: opts.name,
          password,
          role: "admin",
        });
        if (!input.success) {
          const field = String(input.error.issues[0]?.path[0] ?? "");
          throw new AppError("VALIDATION", {
            field,
            detail: {
              ja: `入力内容に誤りがあります: ${field}（パスワードは12文字以上）`,
              en: `Invalid ${field} (passwords need at least 12 characters)`,
            },
          });
        }
        const handle = await openConfiguredDb();
        const [{ organisations }, { createUser }] = await Promise.all([
          import("@sonae/db"),
          import("@sonae/server/users"),
        ]);
        try {
          const orgs = await handle.db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations);
          const org = opts.organisation
            ? orgs.find((o) => o.id === opts.organisation)
            : orgs.length === 1
              ? orgs[0]
              : undefined;
          if (!org) {
            throw new AppError("NOT_FOUND", {
              detail: {
                ja:
                  orgs.length === 0
                    ? "組織がありません。先に初期設定を行ってください。"
                    : "--organisation で組織IDを指定してください。",
                en:
                  orgs.length === 0
                    ? "No organisation exists yet: complete first-run setup first."
                    : "Name the organisation with --organisation.",
              },
            });
          }
          const user = await handle.db.transaction((tx) =>
            createUser(
              tx,
              { actor: null, ip: null, userAgent: "sonae-cli" },
              { ...input.data, organisationId: org.id, organisationName: org.name },
            ),
          );
          printResult(
            { status: "created", userId: user.id, email: user.email, organisation: org.name },
            Boolean(opts.json),
          );
        } finally {
          await handle.close();
        }
      },
    );
  return admin;
}
