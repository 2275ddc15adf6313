import { FISSION_METADATA_KEYS, fissionLineMetadata, randomClientSeed, referralFromUrl, referralMetadata } from "./metadata"

describe("fissionLineMetadata", () => {
  it("joinGroup: campaign + group + a random client seed by default", () => {
    const m = fissionLineMetadata.joinGroup("gdc_1", "gdg_1")
    expect(m).toEqual({ group_draw_campaign_id: "gdc_1", group_id: "gdg_1", client_seed: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(fissionLineMetadata.joinGroup("gdc_1", "gdg_1").client_seed).not.toBe(m.client_seed)
  })

  it("openGroup / groupDraw without a group; explicit or no client seed", () => {
    expect(fissionLineMetadata.openGroup("gdc_1", { clientSeed: "mine" })).toEqual({ group_draw_campaign_id: "gdc_1", client_seed: "mine" })
    expect(fissionLineMetadata.groupDraw("gdc_1", { clientSeed: false })).toEqual({ group_draw_campaign_id: "gdc_1" })
    expect(fissionLineMetadata.groupDraw("gdc_1", { groupId: "gdg_2", clientSeed: false })).toEqual({ group_draw_campaign_id: "gdc_1", group_id: "gdg_2" })
  })

  it("presale line metadata", () => {
    expect(fissionLineMetadata.presale("ps_1", { clientSeed: "s" })).toEqual({ presale_campaign_id: "ps_1", client_seed: "s" })
  })

  it("refuses missing ids and over-long seeds (the server keeps 128 characters)", () => {
    expect(() => fissionLineMetadata.joinGroup("gdc_1", "")).toThrow(/groupId/)
    expect(() => fissionLineMetadata.presale("")).toThrow(/campaignId/)
    expect(() => fissionLineMetadata.presale("ps_1", { clientSeed: "x".repeat(129) })).toThrow(RangeError)
  })

  it("isWalletTopUp reads fission_wallet_top_up", () => {
    expect(fissionLineMetadata.isWalletTopUp({ fission_wallet_top_up: "50.00" })).toBe(true)
    expect(fissionLineMetadata.isWalletTopUp({ other: 1 })).toBe(false)
    expect(fissionLineMetadata.isWalletTopUp(null)).toBe(false)
  })

  it("keys are the ones the plugins read", () => {
    expect(Object.values(FISSION_METADATA_KEYS).sort()).toEqual(
      ["client_seed", "fission_wallet_top_up", "group_draw_campaign_id", "group_id", "presale_campaign_id", "referral_code", "referral_source"].sort()
    )
  })
})

describe("referral metadata", () => {
  it("code (typed) and link sources", () => {
    expect(referralMetadata(" ABC123 ")).toEqual({ referral_code: "ABC123" })
    expect(referralMetadata("ABC123", "link")).toEqual({ referral_code: "ABC123", referral_source: "link" })
  })

  it("from a share link's ?ref=", () => {
    expect(referralFromUrl("https://shop.test/products/x?ref=ABC123")).toEqual({ referral_code: "ABC123", referral_source: "link" })
    expect(referralFromUrl("/products/x?code=Z", "code")).toEqual({ referral_code: "Z", referral_source: "link" })
    expect(referralFromUrl("https://shop.test/")).toBeNull()
  })

  it("randomClientSeed is 128 bits of hex", () => {
    const seeds = new Set(Array.from({ length: 50 }, randomClientSeed))
    expect(seeds.size).toBe(50)
    for (const s of seeds) expect(s).toMatch(/^[0-9a-f]{32}$/)
  })
})
