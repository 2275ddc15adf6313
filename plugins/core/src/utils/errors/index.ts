import { MedusaError } from "@medusajs/framework/utils"

/**
 * Fission's error types (README "Errors"). Medusa's error handler replaces the
 * message of every `conflict` (409) with a generic Idempotency-Key hint, so Fission
 * never throws CONFLICT; every refusal keeps a message that names the problem:
 * - `invalid_data` 400: the input is malformed or out of range (names the field);
 * - `not_allowed` 400: the input is fine but the current state forbids it
 *   (a withdrawal that is not approved, an item out of stock, nothing to claim);
 * - `duplicate_error` 422: it was done already or the key is taken (bound twice,
 *   checked in twice, an idempotency key reused with a different payload);
 * - `not_found` 404.
 *
 * Medusa keeps a `code` on `not_allowed`/`invalid_data` but replaces it with
 * `invalid_request_error` on `duplicate_error`; routes that document a code for a
 * duplicate (e.g. `already_checked_in`) send it with `sendCodedRefusal`.
 */
const STATUS: Record<string, number> = {
  [MedusaError.Types.INVALID_DATA]: 400,
  [MedusaError.Types.NOT_ALLOWED]: 400,
  [MedusaError.Types.DUPLICATE_ERROR]: 422,
}

type JsonResponse = { status(code: number): { json(body: unknown): unknown } }

/** Answers a refusal that carries a `code` with `{ type, code, message }`; false when `error` is not one. */
export function sendCodedRefusal(res: JsonResponse, error: any): boolean {
  const status = STATUS[error?.type]
  if (!status || typeof error?.code !== "string" || !error.code) return false
  res.status(status).json({ type: error.type, code: error.code, message: String(error.message) })
  return true
}
