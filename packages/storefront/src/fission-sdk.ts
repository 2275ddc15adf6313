/**
 * @fission/js-sdk, from its sources: a relative import resolves the same under Vite, this
 * package's tsconfig and the host app's root tsconfig (which `medusa build` type-checks, and which
 * would look for the SDK's unbuilt dist/ through the package name).
 */
export * from "../../js-sdk/src/index"
