import { model } from "@medusajs/framework/utils"

/**
 * Depth-limited closure of the referral forest: one row per (ancestor, descendant)
 * up to depth 3, so "my team at level L" and team counts never walk the tree.
 * Binding adds at most a bounded number of rows; money never uses depth 3 (§0.6).
 */
const ReferralAncestor = model
  .define("referral_ancestor", {
    id: model.id({ prefix: "ranc" }).primaryKey(),
    ancestor_id: model.text(),
    descendant_id: model.text(),
    depth: model.number(),
  })
  .indexes([
    { on: ["descendant_id", "depth"], unique: true },
    { on: ["ancestor_id", "depth", "descendant_id"] },
  ])

export default ReferralAncestor
