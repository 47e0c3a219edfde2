import { createTable, type TBlock } from "../shared/document-blocks";
import { formatDate } from "../shared/format-date";
import { buildFirstSteps, fill, type TPlanContext } from "./plan-context";
import type { TGenerator } from "./plan-template";

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

function buildContacts(ctx: TPlanContext): TBlock[] {
  const { common, model } = ctx;
  const g = common.generated;
  const c = common.labels.columns;
  const desk = model.police.desk;
  const police: TBlock[] = [{ type: "heading", level: 2, text: g.policeHeading }];
  if (desk) {
    police.push({ type: "paragraph", text: fill(ctx, common.police.deskRecorded), tone: "warning" });
    if (desk.url) police.push({ type: "paragraph", text: fill(ctx, common.police.deskUrl) });
  } else {
    police.push({ type: "paragraph", text: fill(ctx, common.police.deskMissing), tone: "warning" });
  }
  police.push({
    type: "list",
    ordered: false,
    items: [common.police.emergency, common.police.consultation, common.police.online],
  });
  const team: TBlock[] = [{ type: "heading", level: 2, text: g.teamHeading }];
  team.push(
    model.team.length === 0
      ? { type: "paragraph", text: g.teamNone, tone: "warning" }
      : createTable(
          [
            { label: c.role ?? "", weight: 2 },
            { label: c.name ?? "", weight: 3 },
            { label: c.phone ?? "", weight: 3 },
            { label: c.afterHours ?? "", weight: 3 },
            { label: c.email ?? "", weight: 4 },
          ],
          model.team.map((m) => [
            common.labels.roles[m.role],
            m.title ? `${m.name}（${m.title}）` : m.name,
            m.phone,
            m.afterHoursPhone ?? common.labels.notRecorded,
            m.email ?? "",
          ]),
        ),
  );
  const external: TBlock[] = [{ type: "heading", level: 2, text: g.externalHeading }];
  external.push(
    model.externalParties.length === 0
      ? { type: "paragraph", text: g.externalNone }
      : createTable(
          [
            { label: c.kind ?? "", weight: 3 },
            { label: c.organisation ?? "", weight: 4 },
            { label: c.phone ?? "", weight: 3 },
            { label: c.hotline ?? "", weight: 3 },
            { label: c.policy ?? "", weight: 3 },
          ],
          model.externalParties.map((p) => [
            common.labels.externalKinds[p.kind],
            p.person ? `${p.organisation}（${p.person}）` : p.organisation,
            p.phone,
            p.hotline ?? "",
            p.policyNumber ?? "",
          ]),
        ),
  );
  return [...police, ...team, ...external];
}

function buildRoles(ctx: TPlanContext): TBlock[] {
  const { labels } = ctx.common;
  const roles = ["lead", "liaison", "it", "pr", "legal"] as const;
  return [
    createTable(
      [
        { label: labels.columns.role ?? "", weight: 2 },
        { label: labels.columns.name ?? "", weight: 3 },
        { label: labels.columns.duty ?? "", weight: 7 },
      ],
      roles.map((role) => {
        const names = ctx.model.team.filter((m) => m.role === role).map((m) => m.name);
        return [labels.roles[role], names.join("\n") || labels.notRecorded, labels.roleDuties[role]];
      }),
    ),
  ];
}

function buildFirstResponse(ctx: TPlanContext): TBlock[] {
  const steps = buildFirstSteps(ctx);
  const more = ctx.common.firstResponse.more.map((s) => fill(ctx, s));
  return [{ type: "list", ordered: true, items: [...steps, ...more] }];
}

function buildDevices(ctx: TPlanContext): TBlock[] {
  const { labels, generated } = ctx.common;
  const c = labels.columns;
  if (ctx.model.devices.length === 0)
    return [{ type: "paragraph", text: generated.devicesNone, tone: "warning" }];
  const blocks: TBlock[] = [
    createTable(
      [
        { label: c.device ?? "", weight: 3 },
        { label: c.deviceType ?? "", weight: 2 },
        { label: c.product ?? "", weight: 4 },
        { label: c.usage ?? "", weight: 4 },
        { label: c.logLocation ?? "", weight: 3 },
      ],
      ctx.model.devices.map((d) => [
        d.name,
        labels.deviceTypes[d.type],
        [d.vendor, d.product, d.version].filter(Boolean).join(" ") || labels.notRecorded,
        d.usage ?? "",
        labels.logLocations[d.logLocation],
      ]),
    ),
  ];
  if (ctx.model.devices.some((d) => d.logLocation === "memory")) {
    blocks.push({ type: "paragraph", text: fill(ctx, generated.memoryDevicesWarning), tone: "warning" });
  }
  return blocks;
}

function buildDecisions(ctx: TPlanContext): TBlock[] {
  return ctx.common.decisions.flatMap((d): TBlock[] => [
    { type: "heading", level: 3, text: d.title },
    { type: "paragraph", text: fill(ctx, d.body) },
  ]);
}

function buildReporting(ctx: TPlanContext): TBlock[] {
  const c = ctx.common.labels.columns;
  return [
    createTable(
      [
        { label: c.to ?? "", weight: 3 },
        { label: c.deadline ?? "", weight: 3 },
        { label: c.basis ?? "", weight: 3 },
        { label: c.note ?? "", weight: 5 },
      ],
      ctx.common.reporting.map((r) => [r.to, r.deadline, r.basis, fill(ctx, r.note)]),
    ),
  ];
}

function buildBackups(ctx: TPlanContext): TBlock[] {
  const { labels, generated } = ctx.common;
  const c = labels.columns;
  const backups = ctx.model.backups;
  const blocks: TBlock[] = [];
  if (backups.length === 0) {
    blocks.push({ type: "paragraph", text: generated.backupsNone, tone: "warning" });
  } else {
    blocks.push(
      createTable(
        [
          { label: c.what ?? "", weight: 4 },
          { label: c.media ?? "", weight: 3 },
          { label: c.location ?? "", weight: 3 },
          { label: c.connectivity ?? "", weight: 4 },
          { label: c.lastRestore ?? "", weight: 3 },
        ],
        backups.map((b) => [
          b.what,
          b.media,
          b.location,
          labels.connectivity[b.connectivity],
          b.lastRestoreTest ? formatDate(b.lastRestoreTest) : labels.never,
        ]),
      ),
    );
    if (backups.every((b) => b.connectivity === "online")) {
      blocks.push({ type: "paragraph", text: generated.backupsOnlineOnly, tone: "warning" });
    }
    // Over 70% of victims failed to restore (NPA notice, reference 2): flag untested backups.
    const now = new Date(ctx.model.version.generatedAt).getTime();
    const stale = backups.filter(
      (b) => !b.lastRestoreTest || now - new Date(b.lastRestoreTest).getTime() > ONE_YEAR_MS,
    );
    if (stale.length > 0) {
      const items = stale.map((b) => b.what).join(ctx.lang === "ja" ? "、" : ", ");
      blocks.push({
        type: "paragraph",
        text: fill(ctx, generated.restoreTestMissing, { items }),
        tone: "warning",
      });
    }
  }
  blocks.push({ type: "list", ordered: true, items: generated.restoreSteps.map((s) => fill(ctx, s)) });
  return blocks;
}

function buildFunctions(ctx: TPlanContext): TBlock[] {
  const { labels, generated } = ctx.common;
  const c = labels.columns;
  if (ctx.model.businessFunctions.length === 0) {
    return [{ type: "paragraph", text: generated.functionsNone, tone: "warning" }];
  }
  const sorted = [...ctx.model.businessFunctions].sort((a, b) => a.priority - b.priority);
  return [
    createTable(
      [
        { label: c.priority ?? "", weight: 2 },
        { label: c.function ?? "", weight: 4 },
        { label: c.rto ?? "", weight: 2 },
        { label: c.workaround ?? "", weight: 7 },
      ],
      sorted.map((f) => [
        String(f.priority),
        f.name,
        fill(ctx, labels.hours, { n: String(f.rtoHours) }),
        f.manualWorkaround ?? labels.notRecorded,
      ]),
    ),
  ];
}

const GENERATORS: Record<TGenerator, (ctx: TPlanContext) => TBlock[]> = {
  contacts: buildContacts,
  roles: buildRoles,
  "first-response": buildFirstResponse,
  devices: buildDevices,
  decisions: buildDecisions,
  reporting: buildReporting,
  backups: buildBackups,
  functions: buildFunctions,
};

/** Builds the blocks of one generated section from the organisation's record. */
export function buildGeneratedSection(generator: TGenerator, ctx: TPlanContext): TBlock[] {
  return GENERATORS[generator](ctx);
}
