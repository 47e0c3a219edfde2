import { Alert } from "@mantine/core";
import { ApiError } from "../api/client";

/** Shows an API error's localised message in an accessible alert. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
