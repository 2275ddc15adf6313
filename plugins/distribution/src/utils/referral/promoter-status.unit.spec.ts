import { promoterTransition } from "./promoter-status"

describe("promoter review transitions", () => {
  it("approves applications, rejects only pending ones, disables and re-enables", () => {
    expect(promoterTransition("applied", "approve").to).toBe("active")
    expect(promoterTransition("rejected", "approve").to).toBe("active")
    expect(promoterTransition("applied", "reject").to).toBe("rejected")
    expect(promoterTransition("active", "disable").to).toBe("disabled")
    expect(promoterTransition("disabled", "enable").to).toBe("active")
  })

  it("refuses the rest with a message naming the status", () => {
    expect(promoterTransition("active", "approve").error).toMatch(/status is active/)
    expect(promoterTransition("active", "reject").error).toMatch(/cannot reject/)
    expect(promoterTransition("disabled", "disable").error).toMatch(/status is disabled/)
    expect(promoterTransition("active", "enable").error).toMatch(/cannot enable/)
  })
})
