import { model } from "@medusajs/framework/utils"

/**
 * One provably-fair draw (SPEC §0.5). Created at commitment time with a
 * secret `seed` and its public `commitment = sha256(seed)`; executed once
 * with frozen public `inputs`, which stores `outcome` and reveals the seed.
 *
 * `seed` is SECRET while `status` is "committed": never return this row as is
 * from an API — use `FairDrawModuleService.toPublicRecord`.
 */
const FairDraw = model
  .define("fair_draw", {
    id: model.id({ prefix: "draw" }).primaryKey(),
    kind: model.enum(["pick", "position", "split", "weighted"]),
    // What the draw decides, e.g. "group_draw.group", "presale.free_order", "blind_box.campaign".
    source_type: model.text(),
    source_id: model.text(),
    // Lets one source run several independent draws (e.g. the n-th free-order draw of a pre-sale).
    round: model.number().default(0),
    status: model.enum(["committed", "drawn"]).default("committed"),
    commitment: model.text(),
    seed: model.text(),
    // Algorithm of the stored outcome, set when drawn ("fission-draw/v1" for draws made
    // before v2); null while committed: the draw will run with the current version.
    version: model.text().nullable(),
    // Seed chains (one commitment for many rounds, see utils/fair-draw/chain.ts): every
    // round of the chain carries its head and length; null for a single draw.
    chain_head: model.text().nullable(),
    chain_length: model.number().nullable(),
    // Frozen at draw time; null until then.
    inputs: model.json().nullable(),
    outcome: model.json().nullable(),
    drawn_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_fair_draw_source_round_unique",
      on: ["source_type", "source_id", "round"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_fair_draw_status",
      on: ["status"],
      where: "deleted_at IS NULL",
    },
  ])

export default FairDraw
