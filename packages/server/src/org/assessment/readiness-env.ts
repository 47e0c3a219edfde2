import type { AppDeps } from "../../app-deps";
import { getKevCatalog, getKevRanges } from "../kev/kev-catalog.cache";
import type { ReadinessEnv } from "./assessment-facts.repo";

/**
 * The assessment's view of the server: the KEV catalogue and NVD ranges of the data folder, from the KEV module's
 * cache (parsed once, replaced after an admin fetch or `sonae kev import`).
 */
export function readinessEnvOf(deps: AppDeps): ReadinessEnv {
  return {
    kevCatalog: () => getKevCatalog(deps.config.dataDir),
    kevRanges: () => getKevRanges(deps.config.dataDir),
  };
}
