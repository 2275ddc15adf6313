export * from "./grant-coupon"
export * from "./manage-coupon-rules"
export * from "./order-paid-coupons"
export * from "./level-exclusive-promotion"
