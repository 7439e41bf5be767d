/**
 * Codegen mappers: which row type in ./models each GraphQL type resolves from. Paths are
 * relative to ./__generated__/.
 */
export const mappers: Record<string, string> = {};
