import type { TBlock } from "../shared/document-blocks";
import type { TReportPackageModel } from "./report-model";
import { clip, formatBytes, paren, type ReportContext, type TSection } from "./report-sections";

const col = (label: string, weight: number) => ({ label, weight });

export function preservedLogsSection(m: TReportPackageModel, c: ReportContext): TSection | undefined {
  if (!m.preservedLogs) return undefined;
  const { l, lang } = c;
  return {
    title: l.s.logs,
    blocks: [
      { type: "paragraph", text: `${l.f.manifest}: ${m.preservedLogs.manifestSha256}` },
      ...c.table(
        l.s.logs,
        [col(l.f.name, 4), col(l.f.source, 2), col(l.f.size, 2), col("SHA-256", 5)],
        m.preservedLogs.items.map((x) => [x.name, x.source, formatBytes(x.sizeBytes, lang), x.sha256]),
      ),
    ],
  };
}

type Bundle = NonNullable<TReportPackageModel["evidenceBundles"]>[number];

function bundleBlocks(b: Bundle, c: ReportContext): TBlock[] {
  const { l, lang } = c;
  const signer =
    b.signerKnown === undefined
      ? b.signerFingerprint
      : `${b.signerFingerprint}\n${c.v(b.signerKnown ? "signer-known" : "signer-unknown")}`;
  const custody = [
    c.v(b.custody.valid ? "custody-valid" : "custody-broken"),
    `${l.f.count}: ${b.custody.entries}`,
    b.custody.firstAt && b.custody.lastAt
      ? `${c.dt(b.custody.firstAt)} – ${c.dt(b.custody.lastAt)}`
      : undefined,
    b.custody.lastAction,
  ]
    .filter(Boolean)
    .join("\n");
  const verified = b.verification.ok
    ? `${c.v("verified-ok")}${paren(lang, c.dt(b.verification.verifiedAt) ?? "")}`
    : `${c.v("verified-failed")}${paren(lang, `${l.f.count}: ${b.verification.failureCount}`)}`;
  return [
    { type: "heading", level: 2, text: b.fileName },
    c.keyValues([
      [l.f.caseId, b.caseId],
      [l.f.examiner, b.examiner],
      [l.f.uploadedAt, c.dt(b.uploadedAt)],
      [l.f.fileCount, String(b.fileCount)],
      [l.f.totalSize, formatBytes(b.sizeBytes, lang)],
      [l.f.bundleSha, b.sha256],
      [l.f.manifest, b.manifestSha256 ?? l.v.notRecorded],
      [l.f.signer, signer],
      [l.f.verified, verified],
      [l.f.custody, custody],
    ]),
  ];
}

export function evidenceSection(m: TReportPackageModel, c: ReportContext): TSection | undefined {
  const bundles = m.evidenceBundles ?? [];
  if (bundles.length === 0) return undefined;
  return {
    title: c.l.s.evidence,
    blocks: bundles
      .slice(0, 5)
      .flatMap((b) => bundleBlocks(b, c))
      .concat(bundles.length > 5 ? moreBundles(bundles.slice(5), c) : []),
  };
}

function moreBundles(rest: Bundle[], c: ReportContext): TBlock[] {
  const { l, lang } = c;
  return c.table(
    l.s.evidence,
    [col(l.f.fileName, 3), col(l.f.fileCount, 1), col(l.f.totalSize, 2), col(l.f.bundleSha, 5)],
    rest.map((b) => [b.fileName, String(b.fileCount), formatBytes(b.sizeBytes, lang), b.sha256]),
    0,
  );
}

export function detectionsSection(m: TReportPackageModel, c: ReportContext): TSection | undefined {
  const detections = m.detections ?? [];
  if (detections.length === 0) return undefined;
  const { l, lang } = c;
  const rows = detections.map((d) => [
    d.firstTime === d.lastTime ? (c.dt(d.firstTime) ?? "") : `${c.dt(d.firstTime)}\n– ${c.dt(d.lastTime)}`,
    `${clip(d.title[lang], 200)}${paren(lang, c.v(d.severity))}`,
    clip(d.hosts.join(", "), 200),
    clip(d.accounts.join(", "), 200),
    clip(d.sourceAddresses.join(", "), 200),
    [c.v(d.origin), d.rule.id, d.rule.author && `${l.f.author}: ${d.rule.author}`, d.rule.ruleSet]
      .filter(Boolean)
      .map((x) => clip(String(x), 200))
      .join("\n"),
  ]);
  return {
    title: l.s.detections,
    blocks: c.table(
      l.s.detections,
      [
        col(l.f.at, 2.2),
        col(l.f.detection, 3.5),
        col(l.f.host, 1.8),
        col(l.f.account, 1.8),
        col(l.f.sourceIp, 1.8),
        col(l.f.rule, 3),
      ],
      rows,
      10,
    ),
  };
}
