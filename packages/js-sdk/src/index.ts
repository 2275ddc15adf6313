/**
 * @fission/js-sdk — typed client of the Fission Store API on top of `@medusajs/js-sdk`.
 *
 *     import Medusa from "@medusajs/js-sdk"
 *     import { withFission } from "@fission/js-sdk"
 *     const sdk = withFission(new Medusa({ baseUrl, publishableKey }))
 *     const { referral } = await sdk.fission.referral.retrieve()
 */
export { Fission, withFission } from "./fission"
export {
  FissionError,
  FissionTransport,
  PUBLISHABLE_KEY_HEADER,
  encodeQuery,
  fillPath,
  type CallArgs,
  type FissionBody,
  type FissionOptions,
  type FissionQuery,
  type FissionResponse,
  type RequestOptions,
} from "./client"
export { ROUTES, type RouteMethod } from "./routes"
export {
  CLIENT_SEED_MAX_LENGTH,
  FISSION_METADATA_KEYS,
  fissionLineMetadata,
  randomClientSeed,
  referralFromUrl,
  referralMetadata,
  type ClientSeedOption,
  type GroupDrawLineMetadata,
  type PresaleLineMetadata,
  type ReferralMetadata,
} from "./metadata"
export * from "./generated/types"
