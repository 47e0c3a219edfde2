/**
 * The STIX validator of @sonae/documents (OASIS STIX 2.1 schemas from shared/data/stix21 with the
 * documented bundle.json patch), reused rather than copied so both packages judge bundles the same way.
 */
export { validateStixBundle } from "../../../../../documents/test/stix-validator";
