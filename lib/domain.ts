/**
 * The one domain rule the subgraphs share: who counts as youth, for Jobbtorg's target and
 * reporting groups and the districts' information meetings alike. Each subgraph's own
 * rules are in its `rules/`. Pure, no I/O.
 */

/** Youth (ungdom) in the city's sense: 16–24 years old. */
export function isYouth(age: number): boolean {
  return age >= 16 && age <= 24;
}
