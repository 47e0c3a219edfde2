import {
  INCIDENT_EXTENSION,
  SONAE_IDENTITY,
  TLP_MARKINGS,
  TOX_EXTENSION,
  type TStixObject,
  WALLET_EXTENSION,
} from "../stix/stix-extensions";
import { createSdoId } from "../stix/stix-ids";
import { buildObservable } from "../stix/stix-observables";
import { parseReportPackage, type TReportPackageModel } from "./report-model";
import { attackIndicators } from "./report-sections-attack";

export interface TStixBundle {
  type: "bundle";
  id: string;
  objects: TStixObject[];
}

/** STIX timestamps are RFC 3339 in UTC with a "Z" (STIX 2.1 §3.2). */
const stixTime = (iso: string) => new Date(iso).toISOString();

/** Drops undefined values: STIX custom properties may not be null, and optional ones are simply absent. */
function compact(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

function buildIncident(m: TReportPackageModel, common: Record<string, unknown>, ref: string): TStixObject {
  return {
    type: "incident",
    id: createSdoId("incident", ref),
    ...common,
    name: m.incident.title,
    description: m.incident.summary,
    extensions: {
      [INCIDENT_EXTENSION.id as string]: compact({
        extension_type: "property-extension",
        internal_reference: m.incident.reference,
        discovered_at: stixTime(m.incident.discoveredAt),
        first_anomaly_at: m.incident.firstAnomalyAt ? stixTime(m.incident.firstAnomalyAt) : undefined,
        discovered_how: m.incident.discoveredHow,
        business_impact: m.incident.businessImpact,
        personal_data_involved: m.incident.personalDataInvolved,
        requested_handling: m.incident.request,
        ransomware_family: m.incident.familyName,
        data_encrypted: m.ransom.encrypted,
        leak_threatened: m.ransom.leakThreatened,
        ransom_demanded: m.ransom.demanded,
        ransom_paid: m.ransom.paid,
        encrypted_file_extension: m.ransom.encryptedExtension,
        intrusion_method: m.intrusion.method,
        affected_terminal_count: m.affectedTerminals.length,
      }),
    },
  };
}

/**
 * Exports the report package as a STIX 2.1 bundle: the victim identity, the incident (its STIX stub
 * extended through an extension-definition), one indicator per extracted indicator with a STIX
 * pattern, and observed-data referencing the SCOs. Wallets and Tox ids are new SCO types declared by
 * extension-definitions. Every id is deterministic, so re-exports update rather than duplicate.
 */
export function renderReportStix(model: unknown): TStixBundle {
  const m = parseReportPackage(model);
  const ref = `${m.organisation.name}|${m.incident.reference}`;
  const marking = TLP_MARKINGS[m.tlp];
  const victim: TStixObject = {
    type: "identity",
    spec_version: "2.1",
    id: createSdoId("identity", ref, "victim"),
    created: stixTime(m.incident.discoveredAt),
    modified: stixTime(m.generatedAt),
    name: m.organisation.name,
    identity_class: "organization",
    ...(m.organisation.industry ? { description: m.organisation.industry } : {}),
    object_marking_refs: [marking.id],
  };
  const common = {
    spec_version: "2.1",
    created: stixTime(m.incident.discoveredAt),
    modified: stixTime(m.generatedAt),
    created_by_ref: victim.id,
    object_marking_refs: [marking.id],
  };
  const incident = buildIncident(m, common, ref);
  // Values on a warning list are context: never an indicator, an observable or a pattern.
  const observables = attackIndicators(m).map((indicator) => ({ indicator, ...buildObservable(indicator) }));
  const scos = [...new Map(observables.map((o) => [o.sco.id, o.sco])).values()];
  // Copies: callers may modify the bundle, and the shared definitions must stay intact.
  const objects: TStixObject[] = structuredClone([
    SONAE_IDENTITY,
    marking,
    INCIDENT_EXTENSION,
    WALLET_EXTENSION,
    TOX_EXTENSION,
  ]);
  objects.push(victim, incident, ...scos);
  const related = (source: string, target: string): TStixObject => ({
    type: "relationship",
    id: createSdoId("relationship", ref, source, target),
    ...common,
    relationship_type: "related-to",
    source_ref: source,
    target_ref: target,
  });
  if (scos.length > 0) {
    const times = [m.incident.firstAnomalyAt, m.incident.discoveredAt, ...m.timeline.map((t) => t.at)]
      .filter((t): t is string => t !== undefined)
      .map(stixTime)
      .sort();
    const observed: TStixObject = {
      type: "observed-data",
      id: createSdoId("observed-data", ref),
      ...common,
      first_observed: times[0],
      last_observed: times[times.length - 1],
      number_observed: 1,
      object_refs: scos.map((s) => s.id),
    };
    objects.push(observed, related(observed.id, incident.id));
  }
  const seen = new Set<string>();
  for (const o of observables) {
    const id = createSdoId("indicator", ref, o.pattern);
    if (seen.has(id)) continue;
    seen.add(id);
    objects.push(
      {
        type: "indicator",
        id,
        ...common,
        name: `${o.indicator.kind}: ${o.indicator.value}`,
        ...(o.indicator.note ? { description: o.indicator.note } : {}),
        indicator_types: [o.indicatorType],
        pattern: o.pattern,
        pattern_type: "stix",
        pattern_version: "2.1",
        valid_from: stixTime(m.incident.firstAnomalyAt ?? m.incident.discoveredAt),
      },
      related(id, incident.id),
    );
  }
  return { type: "bundle", id: createSdoId("bundle", ref, m.generatedAt), objects };
}
