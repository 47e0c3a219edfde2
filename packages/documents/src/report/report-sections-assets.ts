import type { TBlock } from "../shared/document-blocks";
import { formatDate } from "../shared/format-date";
import { DEVICE_TYPES, DIAGRAM_NODE_TYPES, labelCode, TERMINAL_ROLES } from "./report-codes";
import type { TReportPackageModel } from "./report-model";
import { clip, paren, type ReportContext, type TSection } from "./report-sections";

const col = (label: string, weight: number) => ({ label, weight });
/** KEV entries named in the device table itself; the rest go to the appendix. */
const KEV_IN_BODY = 3;

export function terminalsSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l, lang } = c;
  const rows = m.affectedTerminals.map((t) => [
    t.account ? `${t.name}${paren(lang, t.account)}` : t.name,
    labelCode(TERMINAL_ROLES, t.role, lang),
    t.os ?? "",
    c.v(t.encrypted),
    clip(t.symptoms ?? l.v.notRecorded, 300),
    t.isolatedAt ? `${c.v(t.isolated)}\n${c.dt(t.isolatedAt)}` : c.v(t.isolated),
    c.v(t.poweredOff),
  ]);
  return {
    title: l.s.terminals,
    blocks:
      rows.length === 0
        ? [{ type: "paragraph", text: l.v.none }]
        : c.table(
            l.s.terminals,
            [
              col(l.f.name, 3),
              col(l.f.role, 2),
              col(l.f.os, 2),
              col(l.f.encrypted, 1.5),
              col(l.f.symptoms, 3.5),
              col(l.f.isolated, 2.8),
              col(l.f.poweredOff, 1.5),
            ],
            rows,
          ),
  };
}

export function networkSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l, lang } = c;
  const n = m.networkDiagram;
  const blocks: TBlock[] = [];
  if (n.diagram && n.diagram.nodes.length > 0) {
    const svg = n.attachments.find((a) => a.mediaType === "image/svg+xml" && a.content)?.content;
    const updated = n.diagram.updatedAt ? paren(lang, formatDate(n.diagram.updatedAt)) : "";
    blocks.push({
      type: "diagram",
      caption: `${l.f.diagram}${updated}`,
      diagram: {
        nodes: n.diagram.nodes.map((x) => ({
          ...x,
          typeLabel: labelCode(DIAGRAM_NODE_TYPES, x.type, lang),
        })),
        edges: n.diagram.edges,
        svg,
      },
    });
  }
  if (n.description) blocks.push({ type: "paragraph", text: n.description });
  if (blocks.length === 0) blocks.push({ type: "paragraph", text: l.v.notRecorded });
  if (n.attachments.length > 0) {
    blocks.push(
      ...c.table(
        l.f.attachments,
        [col(l.f.attachments, 3), col("SHA-256", 5)],
        n.attachments.map((a) => [a.fileName, a.sha256]),
      ),
    );
  }
  return { title: l.s.network, blocks };
}

type Device = TReportPackageModel["internetFacingDevices"][number];

function patchText(d: Device, c: ReportContext): string {
  const { l } = c;
  return [
    c.v(d.patchState),
    d.lastPatchedAt && `${l.f.lastPatched}: ${d.lastPatchedAt}`,
    d.pendingUpdates && `${l.f.pending}: ${d.pendingUpdates}`,
    d.endOfSupport && `${l.f.endOfSupport}: ${d.endOfSupport}`,
    d.patchNote,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The KEV column: a count and the first few CVEs with their verdict; the full list goes to the appendix. */
function kevSummary(d: Device, c: ReportContext): string {
  const { l } = c;
  if (d.kevMatches.length === 0) return l.v.none;
  const head = d.kevMatches
    .slice(0, KEV_IN_BODY)
    .map((k) => `${k.cveId}${k.verdict ? paren(c.lang, c.v(k.verdict)) : ""}`);
  const rest = d.kevMatches.length - KEV_IN_BODY;
  return [`${l.f.kevCount}: ${d.kevMatches.length}`, ...head, ...(rest > 0 ? ["…"] : [])].join("\n");
}

export function devicesSection(m: TReportPackageModel, c: ReportContext): TSection {
  const { l, lang } = c;
  const devices = m.internetFacingDevices;
  const blocks: TBlock[] =
    devices.length === 0
      ? [{ type: "paragraph", text: l.v.none }]
      : c.table(
          l.s.devices,
          [
            col(l.f.device, 2.5),
            col(l.f.product, 3),
            col(l.f.usage, 2.5),
            col(l.f.patch, 2.5),
            col(l.f.kev, 3.5),
          ],
          devices.map((d) => [
            `${d.name}\n${labelCode(DEVICE_TYPES, d.type, lang)}`,
            [d.vendor, d.product, d.version].filter(Boolean).join(" "),
            clip(d.usage ?? "", 200),
            patchText(d, c),
            kevSummary(d, c),
          ]),
        );
  const kevRows = devices.flatMap((d) =>
    d.kevMatches.map((k) => [
      d.name,
      k.cveId,
      clip(k.vulnerabilityName ?? "", 120),
      k.verdict ? c.v(k.verdict) : c.v("unknown"),
      clip((c.lang === "en" ? (k.basisEn ?? k.basis) : k.basis) ?? "", 300),
    ]),
  );
  if (kevRows.length > 0) {
    blocks.push({ type: "heading", level: 2, text: l.f.kev }, ...kevTable(c, kevRows, devices));
  }
  return { title: l.s.devices, blocks };
}

/** Every KEV match with its verdict and basis: in the body while short, else in the appendix. */
function kevTable(c: ReportContext, rows: string[][], devices: Device[]): TBlock[] {
  const { l } = c;
  const limit = devices.every((d) => d.kevMatches.length <= KEV_IN_BODY) ? KEV_IN_BODY * devices.length : 6;
  return c.table(
    l.f.kev,
    [col(l.f.device, 2), col("CVE", 2), col(l.f.name, 4), col(l.f.verdict, 1.5), col(l.f.basis, 4)],
    rows,
    limit,
  );
}
