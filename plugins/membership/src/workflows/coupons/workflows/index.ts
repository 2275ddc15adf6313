export * from "./grant-coupon"
