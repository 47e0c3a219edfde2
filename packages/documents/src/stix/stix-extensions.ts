import { createSdoId } from "./stix-ids";

export type TStixObject = Record<string, unknown> & { type: string; id: string };

/** Fixed creation time of Sonae's own definitions: they must not change between exports. */
const DEFINED_AT = "2026-11-01T00:00:00.000Z";

/** The producer of the extension definitions (STIX 2.1 §7.3: created_by_ref is required on them). */
export const SONAE_IDENTITY: TStixObject = {
  type: "identity",
  spec_version: "2.1",
  id: createSdoId("identity", "sonae"),
  created: DEFINED_AT,
  modified: DEFINED_AT,
  name: "Sonae",
  description:
    "Sonae (備え): cyber-incident readiness and response for Japanese organisations and the police",
  identity_class: "system",
};

function defineExtension(key: string, name: string, description: string, types: string[]): TStixObject {
  return {
    type: "extension-definition",
    spec_version: "2.1",
    id: createSdoId("extension-definition", key),
    created_by_ref: SONAE_IDENTITY.id,
    created: DEFINED_AT,
    modified: DEFINED_AT,
    name,
    description,
    // Plain-text definition (allowed by §7.3); the normative JSON format is content/report/README.md.
    schema: `Sonae report package 1.0.0, see content/report/README.md: ${description}`,
    version: "1.0.0",
    extension_types: types,
  };
}

/** Property extension carrying what the STIX 2.1 incident stub lacks (the police first-contact fields). */
export const INCIDENT_EXTENSION = defineExtension(
  "incident-report-properties",
  "Sonae incident report properties",
  "Japanese police first-contact fields for an incident: discovery times, ransomware type (encryption, leak threat, ransom demand), intrusion method, encrypted file extension, affected terminal count, whether the victim requests a damage report.",
  ["property-extension"],
);

/** New SCO for cryptocurrency wallets (BTC, XMR, ETH) named in ransom notes. ID-contributing: currency, value. */
export const WALLET_EXTENSION = defineExtension(
  "sonae-cryptocurrency-wallet",
  "Sonae cryptocurrency wallet",
  "New SCO type sonae-cryptocurrency-wallet with properties value (address, string) and currency (btc, xmr or eth).",
  ["new-sco"],
);

/** New SCO for Tox messenger ids, a common ransomware negotiation channel. ID-contributing: value. */
export const TOX_EXTENSION = defineExtension(
  "sonae-tox-id",
  "Sonae Tox id",
  "New SCO type sonae-tox-id with property value (76 hexadecimal characters).",
  ["new-sco"],
);

/** TLP 1.0 marking definitions predefined by STIX 2.1 §7.2.1.4. */
export const TLP_MARKINGS: Record<"white" | "green" | "amber" | "red", TStixObject> = {
  white: tlp("613f2e26-407d-48c7-9eca-b8e91df99dc9", "white"),
  green: tlp("34098fce-860f-48ae-8e50-ebd3cc5e41da", "green"),
  amber: tlp("f88d31f6-486f-44da-b317-01333bde0b82", "amber"),
  red: tlp("5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red"),
};

function tlp(uuid: string, level: string): TStixObject {
  return {
    type: "marking-definition",
    spec_version: "2.1",
    id: `marking-definition--${uuid}`,
    created: "2017-01-20T00:00:00.000Z",
    definition_type: "tlp",
    name: `TLP:${level.toUpperCase()}`,
    definition: { tlp: level },
  };
}
