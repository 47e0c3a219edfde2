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
    /**
     * KEV verdicts over the register (issue 12): devices with an affected entry, devices whose entries are only
     * unknown (no range data / version not comparable), and entry counts; null when the KEV check is unavailable.
     */
    kev: {
      affectedDevices: number;
      affectedEntries: number;
      unknownOnlyDevices: number;
      unknownEntries: number;
    } | null;
  };
  network?: { nodes: number; edges: number };
  /** Hook for the plans area: facts from the written manual / BCP. */
  plans?: { cyberBcpWithPolice?: boolean | null; lastReviewedAt?: string | null };
  /** Hook for the drills area. */
  drills?: { lastHeldAt?: string | null };
};
