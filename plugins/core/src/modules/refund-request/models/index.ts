export { default as RefundRequest } from "./refund-request"
