import { isPromotion, qualifyingRank, RankDef } from "./evaluate"

const member: RankDef = { id: "rank_member", position: 0, is_default: true, conditions: null }
const boss: RankDef = {
  id: "rank_boss",
  position: 1,
  is_default: false,
  conditions: { direct_referrals: { count: 2, purchased_product_id: "prod_899" } },
}
const director: RankDef = {
  id: "rank_director",
  position: 2,
  is_default: false,
  conditions: { direct_referrals: { count: 3, rank_id: "rank_boss" }, team_counts: [3, 9] },
}
const ranks = [member, boss, director]
const buyer = (products: string[], rank_id: string | null = null) => ({ rank_id, purchased_product_ids: products })

describe("qualifyingRank", () => {
  it("makes a member boss after 2 direct referrals bought the 899 package", () => {
    const one = { personal_spend: 0, directs: [buyer(["prod_899"]), buyer(["prod_tea"])], team_counts: [2, 0, 0] }
    expect(qualifyingRank(ranks, one)).toBeNull()
    const two = { ...one, directs: [buyer(["prod_899"]), buyer(["prod_899", "prod_tea"])] }
    expect(qualifyingRank(ranks, two)?.id).toBe("rank_boss")
  })

  it("needs every condition of a rank: 3 boss directs AND a 3×9 team", () => {
    const directs = [buyer(["prod_899"], "rank_boss"), buyer(["prod_899"], "rank_boss"), buyer(["prod_899"], "rank_director")]
    expect(qualifyingRank(ranks, { personal_spend: 0, directs, team_counts: [3, 8, 0] })?.id).toBe("rank_boss")
    expect(qualifyingRank(ranks, { personal_spend: 0, directs, team_counts: [3, 9, 27] })?.id).toBe("rank_director")
  })

  it("checks personal paid spend", () => {
    const vip: RankDef = { id: "rank_vip", position: 3, is_default: false, conditions: { personal_spend: 899 } }
    expect(qualifyingRank([vip], { personal_spend: 898.99, directs: [], team_counts: [] })).toBeNull()
    expect(qualifyingRank([vip], { personal_spend: 899, directs: [], team_counts: [] })?.id).toBe("rank_vip")
  })
})

describe("isPromotion", () => {
  it("only moves up", () => {
    expect(isPromotion(ranks, null, boss)).toBe(true)
    expect(isPromotion(ranks, "rank_boss", boss)).toBe(false)
    expect(isPromotion(ranks, "rank_director", boss)).toBe(false)
    expect(isPromotion(ranks, "rank_member", null)).toBe(false)
  })
})
