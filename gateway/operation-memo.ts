import { OperationDefinitionNode } from 'graphql';

/**
 * Remembers what the gateway's checks found about an operation's document alone — its
 * shape against the limits, a partner's fields against the allowlist, where its scalar
 * arguments are — so the next request with the same document pays only for what depends on
 * its variables. Apollo's document store hands every request with the same query text the
 * same parsed document, so the operation node is the key: an entry lives as long as Apollo
 * keeps the document (its store is bounded) and no longer, and a new text is a new node.
 * A judgement that throws is not remembered; the next request is judged, and refused, again.
 */
export class OperationMemo<V> {
  private readonly memo = new WeakMap<OperationDefinitionNode, Map<string, V>>();

  /** The value for `operation` (and `variant`, e.g. the caller's kind), computed on first use. */
  get(operation: OperationDefinitionNode, variant: string, compute: () => V): V {
    let byVariant = this.memo.get(operation);
    if (!byVariant) {
      byVariant = new Map();
      this.memo.set(operation, byVariant);
    }
    if (byVariant.has(variant)) return byVariant.get(variant)!;
    const value = compute();
    byVariant.set(variant, value);
    return value;
  }
}
