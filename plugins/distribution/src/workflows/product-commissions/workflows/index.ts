export * from "./set-product-commission-rules"
