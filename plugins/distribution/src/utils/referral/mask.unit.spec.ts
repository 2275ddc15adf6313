import { maskDisplayName, maskEmail, maskText } from "./mask"

describe("masking other customers' identities", () => {
  it("keeps the first and last character only", () => {
    expect(maskText("Alice")).toBe("A***e")
    expect(maskText("Bob")).toBe("B***b")
    expect(maskText("Al")).toBe("A***")
    expect(maskText("A")).toBe("A***")
    expect(maskText("")).toBe("***")
    expect(maskText(null)).toBe("***")
    expect(maskText("张小明")).toBe("张***明")
    expect(maskText("张三")).toBe("张***")
  })

  it("masks an e-mail's local part and keeps the domain", () => {
    expect(maskEmail("alice.smith@example.com")).toBe("a***h@example.com")
    expect(maskEmail("ab@example.com")).toBe("a***@example.com")
    expect(maskEmail(null)).toBeNull()
    expect(maskEmail("no-at-sign")).toBe("n***n")
  })

  it("masks the display name: name if any, else the e-mail's local part — never the full value", () => {
    expect(maskDisplayName({ first_name: "Alice", last_name: "Smith", email: "alice@x.com" })).toBe("A***h")
    expect(maskDisplayName({ first_name: "Alice", email: "alice@x.com" })).toBe("A***e")
    expect(maskDisplayName({ first_name: " ", email: "carol@x.com" })).toBe("c***l")
    expect(maskDisplayName({})).toBe("***")
    for (const person of [{ first_name: "Alexander" }, { email: "alexander@x.com" }]) {
      expect(maskDisplayName(person)).not.toContain("lexande")
    }
  })
})
