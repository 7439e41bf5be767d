/**
 * Compile-time checks for type tests: `tsc --noEmit` (npm run typecheck) fails on a line
 * whose types differ; jest only runs the file.
 */

/** `true` when A and B are the same type, not merely assignable one way. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when every entry is `true`; the error points at the entry that is not. */
export type Expect<T extends readonly true[]> = T;
