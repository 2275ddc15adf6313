import { withBarePlurals } from "./i18n"

describe("withBarePlurals", () => {
  it("is needed: the dashboard's zhCN has no Intl plural rule (i18next then looks up the bare key)", () => {
    expect(() => new Intl.PluralRules("zhCN")).toThrow(RangeError)
  })

  it("copies every key_other to key, nested, without overwriting an existing bare key", () => {
    const tree = { a_one: "1 个", a_other: "{{count}} 个", b: { c_other: "c", c: "kept" }, d: "d" }
    expect(withBarePlurals(tree)).toEqual({ a_one: "1 个", a_other: "{{count}} 个", a: "{{count}} 个", b: { c_other: "c", c: "kept" }, d: "d" })
    expect(tree).not.toHaveProperty("a")
  })
})
