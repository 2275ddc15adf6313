export { PG_INTEGER_MAX, MONEY_MAX, TEXT_MAX, integerProblem, decimalProblem, checkInteger, checkDecimal } from "./bounds"
export type { IntegerBounds, DecimalBounds } from "./bounds"
export { findNul } from "./nul"
export { zInt, zQueryInt, zLimit, zOffset, zDecimal, zMoney, zRate, zText, zName, zId, zDateTime } from "./zod"
