import type { TDetection, TTimelineEvent } from "../timeline/timeline-event";
import { type BuiltinRule, byFirstEvent, overTimeline } from "./builtin-rule";
import { isWindowsEvent, makeDetection } from "./detection-helpers";

/** Service binaries that run a shell, PowerShell or a remote/temporary path: PsExec, Cobalt Strike, Impacket. */
const SUSPICIOUS_IMAGE =
  /cmd(\.exe)?\s*\/c|powershell|%comspec%|\\\\127\.0\.0\.1\\|admin\$|\\temp\\|\\users\\public\\|rundll32|mshta|-enc|psexesvc/i;

/**
 * Service installs (System 7045, Security 4697). Attackers run tools as services to execute
 * remotely with SYSTEM rights (PsExec, Cobalt Strike jump psexec; MITRE ATT&CK T1543.003, T1569.002).
 */
function serviceInstalled(e: TTimelineEvent): TDetection {
  const name = e.details.ServiceName ?? "";
  const image = e.details.ImagePath ?? e.details.ServiceFileName ?? "";
  const shown = image.length > 160 ? `${image.slice(0, 160)}…` : image;
  const suspicious = SUSPICIOUS_IMAGE.test(image);
  return makeDetection(
    "service-installed",
    { ja: "サービスのインストール", en: "Service installed" },
    {
      ja: `${e.host} にサービス「${name}」（${shown}）がインストールされました。${suspicious ? "シェルや一時フォルダを実行するサービスは攻撃ツール（PsExec 等）の典型です。" : "正規のソフトウェアか確認してください。"}`,
      en: `Service "${name}" (${shown}) was installed on ${e.host}. ${suspicious ? "Services that run a shell or a temporary path are typical of attack tools such as PsExec." : "Confirm it is legitimate software."}`,
    },
    suspicious ? "high" : "medium",
    [e],
  );
}

export const serviceInstallsRule: BuiltinRule = {
  name: "service-installed",
  inputs: { windows: ["System:7045", "Security:4697"], textLog: false },
  start() {
    const detections: TDetection[] = [];
    return {
      add(e) {
        if (isWindowsEvent(e, "System", 7045) || isWindowsEvent(e, "Security", 4697))
          detections.push(serviceInstalled(e));
      },
      finish: () => detections.sort(byFirstEvent),
    };
  },
};

export const detectServiceInstalls = overTimeline(serviceInstallsRule);
