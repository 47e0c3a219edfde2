import { readFileSync } from "node:fs";

export type NmrRow = {
  family: string;
  decryptorName: string;
  provider: string;
  howtoUrl: string;
  downloadUrl: string;
};

/** Reads the No More Ransom decryptor list CSV (five quoted columns, header first). */
export function readNomoreransomCsv(file: string): NmrRow[] {
  const lines = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  return lines.slice(1).map((line, i) => {
    const cells = parseCsvLine(line);
    if (cells.length !== 5) throw new Error(`NMR CSV line ${i + 2}: expected 5 cells, got ${cells.length}`);
    const [family, decryptorName, provider, howtoUrl, downloadUrl] = cells as [
      string,
      string,
      string,
      string,
      string,
    ];
    return { family, decryptorName, provider, howtoUrl, downloadUrl };
  });
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cur);
      cur = "";
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}
