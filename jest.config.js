const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true, decorators: true },
      target: "es2021",
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  },
]

// TEST_TYPE selects one suite; `npm test` (scripts/test.mjs) runs them in order.
const suites = {
  unit: ["<rootDir>/plugins/*/src/**/*.unit.spec.ts", "<rootDir>/src/**/*.unit.spec.ts", "<rootDir>/scripts/**/*.unit.spec.ts", "<rootDir>/packages/*/src/**/*.unit.spec.ts"],
  modules: ["<rootDir>/plugins/*/integration-tests/**/*.spec.ts"],
  http: ["<rootDir>/integration-tests/http/**/*.spec.ts"],
}
const type = process.env.TEST_TYPE || "unit"
const testMatch = suites[type.replace("integration:", "")]
if (!testMatch) throw new Error(`Unknown TEST_TYPE ${type}`)

module.exports = {
  transform: { "^.+\\.[jt]sx?$": swc },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.medusa/", "<rootDir>/plugins/.*/\\.medusa/"],
  testMatch,
  testTimeout: type === "unit" ? 30_000 : 240_000,
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
}
