export * from "./pay-from-wallet"
export * from "./refund-wallet-payment"
export * from "./add-wallet-top-up-to-cart"
export * from "./credit-wallet-top-ups"
