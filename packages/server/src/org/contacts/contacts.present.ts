import { judgeContactVerification, type TContact } from "@sonae/core";
import type { contacts } from "@sonae/db";

/** The API shape of a contact, with its verification state judged on `today`. */
export function presentContact(row: typeof contacts.$inferSelect, today: string): TContact {
  return {
    id: row.id,
    category: row.category,
    role: row.role,
    name: row.name,
    affiliation: row.affiliation,
    phone: row.phone,
    outOfHoursPhone: row.outOfHoursPhone,
    email: row.email,
    url: row.url,
    policyNumber: row.policyNumber,
    hotline: row.hotline,
    notes: row.notes,
    verifiedAt: row.verifiedAt,
    verification: judgeContactVerification(row.verifiedAt, today),
    updatedAt: row.updatedAt.toISOString(),
  };
}
