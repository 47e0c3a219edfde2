import type { THubIndicatorKind } from "@sonae/core";
import { warningListMatches } from "../../platform/warning-lists/warning-lists";

/**
 * True when a normalised value must not link cases in the hub index: it is on one of the shipped
 * warning lists (content/warninglists, the same lists that make a value context on the organisation
 * side). A note id is printed for one victim only, so no list applies to it.
 */
export function isWarningListed(kind: THubIndicatorKind, value: string): boolean {
  if (kind === "note_id") return false;
  return warningListMatches(kind, value).length > 0;
}
