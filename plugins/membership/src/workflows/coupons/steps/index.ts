export * from "./claim-coupon-grant"
export * from "./build-granted-promotion"
export * from "./mark-coupon-granted"
