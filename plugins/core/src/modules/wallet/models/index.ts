export { default as WalletPayment } from "./wallet-payment"
export { default as WalletPaymentRefund } from "./wallet-payment-refund"
export { default as WalletTopUp } from "./wallet-top-up"
