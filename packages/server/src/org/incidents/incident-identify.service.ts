import { AppError, type TIncidentFamily } from "@sonae/core";
import { type Db, incidents } from "@sonae/db";
import { identifyRansomware } from "@sonae/ransomware";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.service";
import type { RequestContext } from "../../platform/http/request-context";
import { assertIncidentTeam, findIncidentRow } from "./incident-access";

type Ctx = RequestContext & { actor: NonNullable<RequestContext["actor"]> };

/**
 * Identifies the family from the recorded demand (note text, file name, extension, contact channels
 * and wallets as artefacts) and records the result on the incident; the police ask for the family.
 */
export async function identifyIncidentFamily(db: Db, ctx: Ctx, id: string): Promise<TIncidentFamily> {
  await assertIncidentTeam(db, ctx.actor, "record.write");
  return db.transaction(async (tx) => {
    const row = await findIncidentRow(tx, ctx.actor, id);
    const d = (row.demand ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);
    const artefacts = [
      ...((d.contactChannels as string[] | undefined) ?? []),
      ...((d.walletAddresses as string[] | undefined) ?? []),
    ];
    const input = {
      noteText: str(d.noteText),
      noteFileName: str(d.noteFileName),
      extension: str(d.encryptedExtension),
      artefacts: artefacts.length ? artefacts : undefined,
    };
    if (!input.noteText && !input.noteFileName && !input.extension && !input.artefacts)
      throw new AppError("VALIDATION", {
        field: "noteText",
        detail: {
          ja: "先に脅迫文・拡張子・連絡先のいずれかを記録してください。",
          en: "Record the note, the extension or a contact channel first.",
        },
      });
    const result = identifyRansomware(input);
    const best = result.status === "identified" ? result.candidates[0] : undefined;
    const family: TIncidentFamily = {
      familyName: best?.displayName ?? null,
      confidence: best?.confidence ?? null,
      identifiedAt: new Date().toISOString(),
      candidates: result.candidates.slice(0, 5).map((c) => ({ name: c.displayName, score: c.confidence })),
    };
    await tx
      .update(incidents)
      .set({ family, updatedAt: new Date() })
      .where(and(eq(incidents.id, id), eq(incidents.organisationId, ctx.actor.organisationId)));
    await recordAudit(tx, ctx, {
      type: "incident.family_identified",
      incidentId: id,
      familyName: family.familyName,
    });
    return family;
  });
}
