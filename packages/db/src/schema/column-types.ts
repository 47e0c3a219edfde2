import { customType, timestamp } from "drizzle-orm/pg-core";

/** Raw bytes (ciphertext, wrapped keys, keyed hashes). Drizzle has no built-in bytea. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Every point in time is stored with its zone. */
export const at = (name: string) => timestamp(name, { withTimezone: true });
