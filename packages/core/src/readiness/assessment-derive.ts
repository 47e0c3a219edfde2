import type { AssessmentDerivation, ItemStatus } from "./assessment-contracts";
import type { ReadinessFacts } from "./assessment-facts";
import { hasRecentSuccessfulRestoreTest, subtractMonths } from "./backups-checks";
import { isLogRegisterOffDevice } from "./log-sources-checks";

type Text = { ja: string; en: string };
/** `credit`: share of the item's weight earned when it differs from the status's usual share. */
export type Derived = { status: ItemStatus; reason: Text; credit?: number };

/**
 * How much of the KEV item an organisation keeps when its devices have only "unknown" entries (no range data or
 * a version Sonae cannot compare): most of it. An unknown entry is a check to make, not a known hole, so it
 * weighs lightly; an affected entry weighs fully (the item is unmet).
 */
export const KEV_UNKNOWN_CREDIT = 0.75;

const unknown = (reason: Text): Derived => ({ status: "unknown", reason });

function withinMonths(date: string | null | undefined, today: string, months: number): boolean | null {
  if (!date) return null;
  return date >= subtractMonths(today, months);
}

/**
 * Derives one checklist item from the registers. "unknown" means the registers cannot tell, and
 * the manual answer (if any) decides. Pure: the same facts always give the same result.
 */
export function deriveItemStatus(derivation: AssessmentDerivation, facts: ReadinessFacts): Derived {
  switch (derivation) {
    case "contacts.police_desk": {
      const c = facts.contacts;
      // An empty register means "not filled in yet": unknown, so a fresh organisation gets no invented score.
      if (!c || c.total === 0)
        return unknown({ ja: "連絡先台帳に登録がありません。", en: "The contact register is empty." });
      if (c.policeDesk === 0)
        return {
          status: "unmet",
          reason: {
            ja: "警察の相談窓口が連絡先に登録されていません。",
            en: "No police desk is recorded in the contacts.",
          },
        };
      if (c.policeDeskVerifiedWithin12Months === 0)
        return {
          status: "partial",
          reason: {
            ja: "警察の連絡先が12か月以上確認されていません。",
            en: "The police contact has not been verified in the last 12 months.",
          },
        };
      return {
        status: "met",
        reason: { ja: "警察の連絡先が登録・確認済みです。", en: "A verified police contact is recorded." },
      };
    }
    case "devices.recorded": {
      const d = facts.devices;
      if (!d || d.total === 0)
        return unknown({ ja: "機器台帳に登録がありません。", en: "The device register is empty." });
      return {
        status: "met",
        reason: {
          ja: `${d.total}台の外部接続機器が登録されています。`,
          en: `${d.total} internet-facing device(s) are recorded.`,
        },
      };
    }
    case "devices.kev": {
      const d = facts.devices;
      if (!d || d.total === 0)
        return unknown({ ja: "機器が登録されていません。", en: "No device is recorded." });
      if (d.kev === null)
        return unknown({ ja: "KEV照合の結果がありません。", en: "No KEV check result is available." });
      const k = d.kev;
      if (k.affectedDevices > 0)
        return {
          status: "unmet",
          reason: {
            ja: `${k.affectedDevices}台の機器が既知の悪用された脆弱性（KEV）の影響を受けるバージョンです（${k.affectedEntries}件、NVD の影響範囲による）。全額を減点しています。`,
            en: `${k.affectedDevices} device(s) run a version affected by known exploited vulnerabilities (${k.affectedEntries} KEV entries, by NVD's ranges); the item counts as unmet.`,
          },
        };
      if (k.unknownOnlyDevices > 0)
        return {
          status: "partial",
          credit: KEV_UNKNOWN_CREDIT,
          reason: {
            ja: `該当と判定された KEV はありませんが、${k.unknownOnlyDevices}台の機器の${k.unknownEntries}件は影響範囲のデータがないかバージョンを比較できず「要確認」です。確認すべき事項であり既知の穴ではないため、軽く（${Math.round((1 - KEV_UNKNOWN_CREDIT) * 100)}%）だけ減点しています。`,
            en: `No device is affected, but ${k.unknownEntries} KEV entries on ${k.unknownOnlyDevices} device(s) are "unknown" (no range data, or a version Sonae cannot compare). They are checks to make, not known holes, so they weigh lightly (${Math.round((1 - KEV_UNKNOWN_CREDIT) * 100)}% of the item).`,
          },
        };
      return {
        status: "met",
        reason: {
          ja: "KEV の影響を受けるバージョンの機器はありません（NVD の影響範囲による）。",
          en: "No device runs a version affected by a KEV entry (by NVD's ranges).",
        },
      };
    }
    case "devices.mfa": {
      const d = facts.devices;
      if (!d || d.remoteAccess === 0)
        return unknown({
          ja: "リモートアクセス機器が登録されていません。",
          en: "No remote-access device is recorded.",
        });
      if (d.remoteAccessWithMfa === d.remoteAccess)
        return {
          status: "met",
          reason: {
            ja: "全てのリモートアクセス機器で多要素認証が有効です。",
            en: "MFA is on for every remote-access device.",
          },
        };
      return {
        status: d.remoteAccessWithMfa > 0 ? "partial" : "unmet",
        reason: {
          ja: `${d.remoteAccess - d.remoteAccessWithMfa}台のリモートアクセス機器で多要素認証が有効ではありません。`,
          en: `${d.remoteAccess - d.remoteAccessWithMfa} remote-access device(s) lack MFA.`,
        },
      };
    }
    case "backups.offline_tested": {
      const b = facts.backups;
      if (!b || b.length === 0)
        return unknown({ ja: "バックアップが登録されていません。", en: "No backup set is recorded." });
      const offline = b.some((s) => s.connectivity !== "online");
      const tested = b.some(
        (s) => s.connectivity !== "online" && hasRecentSuccessfulRestoreTest(s, facts.today),
      );
      if (tested)
        return {
          status: "met",
          reason: {
            ja: "オフライン／イミュータブルなバックアップがあり、6か月以内に復元テストに成功しています。",
            en: "An offline/immutable backup exists and passed a restore test within 6 months.",
          },
        };
      if (offline)
        return {
          status: "partial",
          reason: {
            ja: "オフラインのバックアップはありますが、6か月以内の復元テストの成功がありません。",
            en: "An offline backup exists, but no restore test of it succeeded within 6 months.",
          },
        };
      return {
        status: "unmet",
        reason: {
          ja: "オフラインまたはイミュータブルなバックアップがありません。",
          en: "No offline or immutable backup exists.",
        },
      };
    }
    case "logs.off_device": {
      const l = facts.logs;
      const status = l ? isLogRegisterOffDevice(l) : "unknown";
      const reasons: Record<typeof status, Text> = {
        unknown: { ja: "ログの取得元が登録されていません。", en: "No log source is recorded." },
        met: {
          ja: "全てのログが機器外に転送され、90日以上保存されています。",
          en: "All logs are forwarded off the device and kept 90 days or more.",
        },
        partial: {
          ja: "一部のログが機器内にしかないか、保存期間が90日未満です。",
          en: "Some logs stay on the device or are kept under 90 days.",
        },
        unmet: {
          ja: "機器外に90日以上保存されているログがありません。",
          en: "No logs are kept off the device for 90 days or more.",
        },
      };
      return { status, reason: reasons[status] };
    }
    case "network.diagram": {
      const n = facts.network;
      if (!n || n.nodes === 0)
        // Nothing saved yet: unknown rather than unmet, so a diagram kept on paper can be answered by hand.
        return unknown({
          ja: "ネットワーク構成図が保存されていません。",
          en: "No network diagram is saved.",
        });
      if (n.nodes < 2 || n.edges === 0)
        return {
          status: "partial",
          reason: { ja: "構成図に接続がありません。", en: "The diagram has no links." },
        };
      return {
        status: "met",
        reason: {
          ja: `構成図があります（${n.nodes}ノード、${n.edges}接続）。`,
          en: `A diagram exists (${n.nodes} nodes, ${n.edges} links).`,
        },
      };
    }
    case "plans.cyber_bcp": {
      const v = facts.plans?.cyberBcpWithPolice;
      if (v === undefined || v === null)
        return unknown({ ja: "計画の情報がありません。", en: "No plan facts are available." });
      return v
        ? {
            status: "met",
            reason: { ja: "警察との連携を含むBCPがあります。", en: "A BCP with police coordination exists." },
          }
        : {
            status: "unmet",
            reason: {
              ja: "警察との連携を含むBCPがありません。",
              en: "No BCP with police coordination exists.",
            },
          };
    }
    case "plans.reviewed":
    case "drills.held": {
      const date = derivation === "plans.reviewed" ? facts.plans?.lastReviewedAt : facts.drills?.lastHeldAt;
      const recent = withinMonths(date, facts.today, 12);
      if (recent === null) return unknown({ ja: "記録がありません。", en: "Nothing is recorded." });
      return recent
        ? {
            status: "met",
            reason: { ja: `12か月以内に実施しました（${date}）。`, en: `Done within 12 months (${date}).` },
          }
        : {
            status: "unmet",
            reason: {
              ja: `最後の実施が12か月より前です（${date}）。`,
              en: `Last done more than 12 months ago (${date}).`,
            },
          };
    }
    case "manual":
      return unknown({ ja: "回答が必要です。", en: "Needs an answer." });
  }
}
