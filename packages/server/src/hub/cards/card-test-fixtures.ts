import ExcelJS from "exceljs";
import * as openpgp from "openpgp";
import type { TestClient } from "../../testing/test-app";
import { CARD_BRANDS } from "./card-number";

/** Public test numbers of each brand (published by the brands / payment processors, never real cards). */
export const TEST_CARDS = {
  visa: ["4111111111111111", "4012888888881881", "4242424242424242"],
  mastercard: ["5555555555554444", "5105105105105100", "2223003122003222"],
  amex: ["378282246310005", "371449635398431"],
  diners: ["30569309025904", "38520000023237"],
  discover: ["6011111111111117", "6011000990139424"],
  jcb: ["3530111333300000", "3566002020360505"],
  unionpay: ["6200000000000005"],
} as const;
export const ALL_TEST_CARDS: string[] = Object.values(TEST_CARDS).flat();

export const EXPOSURE_NONE = { expiry: false, cvc: false, holder: false, threeDs: false };

/** A brand recipient's key pair (what the brand would hold), made fresh per test run. */
export async function brandKeyPair(brand: string) {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: "ecc",
    curve: "curve25519Legacy",
    userIDs: [{ name: `${brand} compromised accounts`, email: `${brand}@brand.example` }],
    format: "armored",
  });
  return { privateKey, publicKey };
}

/** Registers a recipient for every brand; returns the private keys to decrypt batches in tests. */
export async function registerAllRecipients(admin: TestClient) {
  const privateKeys: Record<string, string> = {};
  for (const brand of CARD_BRANDS) {
    const pair = await brandKeyPair(brand);
    privateKeys[brand] = pair.privateKey;
    const res = await admin.post("/api/hub/cards/recipients", {
      brand,
      name: `${brand} CAMS`,
      publicKeyArmored: pair.publicKey,
    });
    if (res.statusCode !== 200) throw new Error(`recipient: ${res.statusCode} ${res.body}`);
  }
  return privateKeys;
}

export async function decryptBatch(armored: string, privateKeyArmored: string): Promise<string> {
  const privateKey = await openpgp.readPrivateKey({ armoredKey: privateKeyArmored });
  const message = await openpgp.readMessage({ armoredMessage: armored });
  const { data } = await openpgp.decrypt({ message, decryptionKeys: privateKey, format: "binary" });
  return Buffer.from(data as Uint8Array).toString("utf8");
}

export function importBody(
  format: "csv" | "text" | "xlsx",
  content: Buffer | string,
  ref = "HUB-20261201-TEST",
) {
  return {
    format,
    contentBase64: Buffer.from(content).toString("base64"),
    exposure: EXPOSURE_NONE,
    source: { kind: "case", ref },
    learnedOn: "2026-11-30",
  };
}

/** An XLSX with one PAN typed as text and one as a number cell (what Excel does by default). */
export async function xlsxWithNumberCell(textPan: string, numberPan: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("cards");
  sheet.addRow(["number", "expiry"]);
  sheet.addRow([textPan, "12/29"]);
  sheet.addRow([Number(numberPan), ""]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
