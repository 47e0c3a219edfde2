import type { BackupSetFacts } from "./backups-checks";
import type { LogSourceFacts } from "./log-sources-checks";

/**
 * What the registers (and later the plans area) know about an organisation. Every part is
 * optional so an item whose register is not wired yet falls back to a manual answer.
 */
export type ReadinessFacts = {
  /** The day the assessment is made (YYYY-MM-DD, UTC). */
  today: string;
  backups?: readonly BackupSetFacts[];
  logs?: readonly LogSourceFacts[];
  contacts?: { policeDesk: number; policeDeskVerifiedWithin12Months: number; stale: number; total: number };
  devices?: {
    total: number;
    /** VPN, RDP gateway and other remote-access devices. */
    remoteAccess: number;
    remoteAccessWithMfa: number;
    /** Devices with a known-exploited vulnerability match; null when the KEV check is not available. */
    kevMatched: number | null;
  };
  network?: { nodes: number; edges: number };
  /** Hook for the plans area: facts from the written manual / BCP. */
  plans?: { cyberBcpWithPolice?: boolean | null; lastReviewedAt?: string | null };
  /** Hook for the drills area. */
  drills?: { lastHeldAt?: string | null };
};
