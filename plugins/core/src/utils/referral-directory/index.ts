export * from "./types"
export { referralDirectory, referralDirectoryProvider, registerReferralDirectory, unregisterReferralDirectory } from "./registry"
