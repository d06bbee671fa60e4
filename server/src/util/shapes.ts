/**
 * Keeps alive, between lints, the hidden class of each kind of object a lint makes and drops.
 *
 * V8 gives the objects of a class a hidden class (a "map") and compiles the hot code for
 * that map. A map that no live object has is freed at the next full collection, and every
 * function compiled for it is thrown away with it (V8's trace says "weak objects") and
 * compiled again during the next lint. On a large document a full collection comes every
 * few lints, and that recompilation cost about a fifth of a warmed-up lint. One small
 * object of each such class, made once and kept here, keeps its map alive.
 *
 * Invariant (ARCHITECTURE.md): a class whose instances a lint makes and drops (the parser's
 * builder, text units, placed mentions, the analysis and the rule context) anchors its shape
 * here, with an instance that holds nothing large.
 */
const anchors = new Map<string, object>();

/** Keeps `make()` (called once per name) for the life of the process. */
export function anchorShape(name: string, make: () => object): void {
  if (!anchors.has(name)) anchors.set(name, make());
}

/** The names anchored so far (for tests). */
export function anchoredShapes(): string[] {
  return [...anchors.keys()];
}

/** The object anchored under a name (for tests: it must have the same map as the real ones). */
export function anchoredShape(name: string): object | undefined {
  return anchors.get(name);
}
