/**
 * # Fission provably-fair draws (fission-draw/v2)
 *
 * Every random choice that decides money or goods is a deterministic function
 * of a secret server seed and public inputs. The seed is committed to before
 * the draw and revealed after it, so anyone can recompute the outcome; the
 * outcome carries the digest of every public input, so nobody can change the
 * inputs afterwards.
 *
 * ## Lifecycle
 * 1. Campaign opens: the server generates `seed` = 32 random bytes as 64
 *    lowercase hex characters and publishes
 *    `commitment = hex(SHA-256(UTF-8(seed)))` (hash of the hex *string*).
 *    For draws that follow one another (pre-sale free orders), a *seed chain*
 *    commits many rounds at once: see "Seed chains".
 * 2. Participants join (optionally contributing a `client_seed`); the ordered
 *    participant list is frozen when the draw closes.
 * 3. The draw runs; `seed` and `outcome` (with `digest`) are published with the
 *    inputs, and every participant is told the digest with their result. The
 *    record `{ version, kind, commitment, chain?, seed, inputs, outcome }` can be
 *    checked with `verifyDraw()` or `npx fission-verify <url|file|json> [--digest <hex>]`.
 *
 * ## Canonical message
 * `inputs = { campaign_id, round, participants?, params }` is normalized to
 *
 *     { version: "fission-draw/v2", kind, commitment, chain?, campaign_id, round,
 *       participants: [{ id, client_seed }], params }
 *
 * - `kind` is one of `pick`, `position`, `split`, `weighted`;
 * - `commitment` the draw's commitment, lowercase hex;
 * - `chain` `{ head, length }` (head lowercase hex) only for a draw of a seed
 *   chain, absent otherwise; `round` must then be < length;
 * - `campaign_id` a non-empty string, `round` an integer >= 0;
 * - `participants` in draw order (missing = []), ids non-empty and unique,
 *   `client_seed` a string (missing/null -> "");
 * - `params` with defaults resolved, exactly:
 *   pick `{ k, n }` (n = number of participants, 1 <= k <= n);
 *   position `{ min, max }` (min <= max);
 *   split `{ total, n, min_share }` (n defaults to the number of participants,
 *   min_share to 1, total >= n * min_share);
 *   weighted `{ weights }` (non-negative integers, sum > 0, one per
 *   participant when participants are given);
 * - unknown fields anywhere in `inputs` are rejected; all numbers are integers.
 *
 * The message is the canonical JSON of that object: no whitespace, object keys
 * sorted ascending (so the top-level order is campaign_id, chain, commitment,
 * kind, params, participants, round, version; participants are
 * `{"client_seed":..,"id":..}`), strings escaped as by `JSON.stringify`,
 * integers in plain decimal. Example:
 *
 *     {"campaign_id":"camp_1","commitment":"ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb","kind":"pick","params":{"k":1,"n":2},"participants":[{"client_seed":"","id":"a"},{"client_seed":"x","id":"b"}],"round":0,"version":"fission-draw/v2"}
 *
 * (Python: `json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.)
 *
 * `digest = hex(SHA-256(UTF-8(message)))`.
 *
 * ## Random stream
 * `block(i) = HMAC-SHA256(key = UTF-8(seed), message = UTF-8(msg + "|" + i))`
 * for i = 0, 1, 2, ... written in decimal. The stream is the byte sequence
 * block(0) || block(1) || ...; reads consume it in order (across block
 * boundaries).
 *
 * ## uniformInt(n): integer in [0, n), no modulo bias
 * If n <= 2^32 read 4 bytes, else (n <= 2^48) read 6 bytes, as an unsigned
 * big-endian integer x. With R = 2^32 (resp. 2^48) and
 * `limit = R - (R mod n)` (= floor(R / n) * n): if x < limit return x mod n,
 * otherwise discard x and read the next word. At least one word is always
 * read, even for n = 1.
 *
 * ## Draw kinds (all randomness from one stream, in this order)
 * Every outcome also has `digest` (above).
 * - **pick** → `{ winners, winner_indexes }`: `a = [0, 1, ..., n-1]`; for
 *   i = 0..k-1: `j = i + uniformInt(n - i)`, swap a[i] and a[j].
 *   `winner_indexes = a[0..k-1]` (draw order), `winners` = their ids.
 * - **position** → `{ position }`: `min + uniformInt(max - min + 1)`.
 * - **split** → `{ shares }` (n integers >= min_share summing to total, uniform
 *   over all such compositions): `m = total - n*min_share`, `S = m + n - 1`,
 *   `K = n - 1`. Floyd's algorithm picks K distinct bars in [0, S):
 *   for j = S-K .. S-1 (ascending): `t = uniformInt(j + 1)`; add t to the set,
 *   or j if t is already in it. Sort the bars ascending b_0 < ... < b_{K-1};
 *   with b_{-1} = -1 and b_K = S: `shares[i] = min_share + b_i - b_{i-1} - 1`.
 *   (n = 1 reads nothing: shares = [total].)
 * - **weighted** → `{ index }`: `r = uniformInt(sum(weights))`; index is the
 *   first i with `r < weights[0] + ... + weights[i]`.
 *
 * ## Seed chains
 * Committing `length` rounds of one source at once: a random tip
 * s_{length-1}, then `s_{r-1} = sha256(s_r)` (hex string in, hex string out)
 * down to s_0, and `head = sha256(s_0)`, published at the start. Round r's seed
 * is s_r and its commitment sha256(s_r) (= s_{r-1}; = head for round 0). Rounds
 * are drawn in order; revealing s_r proves it belongs to the published chain
 * (`sha256^(r+1)(s_r) = head`) and reveals nothing about s_{r+1}, a preimage of s_r.
 *
 * ## Verification
 * A record is valid iff `seed` is revealed, `sha256(seed) == commitment`
 * (case-insensitive hex), for a chain `sha256^(round+1)(seed) == chain.head`,
 * the inputs are valid, `outcome.digest` equals the digest of the record's
 * message, and the recomputed outcome equals the recorded one (compared as
 * canonical JSON). A participant who kept the digest they were told also checks
 * that the record carries it (`--digest`).
 *
 * ## fission-draw/v1
 * Records drawn before v2: the message has no `commitment`/`chain` and the
 * outcome no `digest`; they still verify, but bind only what the outcome
 * depends on (use `--digest` with v2 records to rule out a downgrade).
 */
export { DRAW_KINDS, DRAW_VERSION, DRAW_VERSIONS, LEGACY_DRAW_VERSION } from "./types"
export type {
  CanonicalDrawInputs,
  DrawChain,
  DrawDigest,
  DrawOptions,
  LegacyDrawOutcomeByKind,
  CanonicalParamsByKind,
  DrawInputs,
  DrawKind,
  DrawOutcome,
  DrawOutcomeByKind,
  DrawParamsByKind,
  DrawParticipant,
  DrawVersion,
  FairDrawRecord,
  PickOutcome,
  PickParams,
  PositionOutcome,
  PositionParams,
  SplitOutcome,
  SplitParams,
  WeightedOutcome,
  WeightedParams,
} from "./types"
export { SEED_BYTES, commitmentOf, generateSeed } from "./seed"
export { stableStringify } from "./canonical-json"
export { DrawInputError, assertDrawKind, canonicalMessage, messageDigest, normalizeInputs } from "./canonical-message"
export type { MessageContext } from "./canonical-message"
export { MAX_CHAIN_LENGTH, chainLinkProblem, chainProblem, createSeedChain, hashTimes } from "./chain"
export { RandomStream, createRandomStream, uniformInt } from "./random-stream"
export { pickDraw, positionDraw, runDraw, splitDraw, weightedDraw } from "./draws"
export { verifyDraw } from "./verify"
export type { VerifyOptions, VerifyResult } from "./verify"
