import type { Content } from '../model/types';

/**
 * Per-line memo for work that depends only on one line's text: re-linting after a keystroke
 * finds every other line's result here. Bounded: the map is emptied when it grows past its
 * limit, so memory stays flat however long the session.
 */
export class LineMemo<T> {
  private map = new Map<string, T>();
  constructor(private readonly limit = 20000) {}

  get(text: string, compute: (text: string) => T): T {
    const hit = this.map.get(text);
    if (hit !== undefined) return hit;
    return this.store(text, compute(text));
  }

  lookup(text: string): T | undefined {
    return this.map.get(text);
  }

  store(text: string, value: T): T {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(text, value);
    return value;
  }
}

/**
 * What the per-line scans found in one text, one slot per scan: the record is shared by
 * every text unit with that text. A unit looks its record up once (analyzer/texts.ts,
 * unitFacts) and each scan then reads its own slot: one hash lookup per unit, not one per
 * scan, and a keystroke still rescans only the edited line. Records never refer to a
 * model object, so they keep no old model alive.
 */
export class TextFacts {
  readonly slots: unknown[] = [];
}

const FACTS = new LineMemo<TextFacts>(50000);
const newFacts = (): TextFacts => new TextFacts();

/** The facts record of a text (bounded like LineMemo). */
export function factsOf(text: string): TextFacts {
  return FACTS.get(text, newFacts);
}

let slotCount = 0;

/** A result that depends on a text only. */
export class TextSlot<T> {
  private readonly id = slotCount++;
  get(facts: TextFacts, text: string, compute: (text: string) => T): T {
    const hit = facts.slots[this.id];
    if (hit !== undefined) return hit as T;
    const value = compute(text);
    facts.slots[this.id] = value;
    return value;
  }
}

/** Owner numbers: a slot of an owned result remembers its owner by number, not by reference. */
const OWNERS = new WeakMap<object, number>();
let ownerCount = 0;

/** A number for an owner object (the reference data), the same for the owner's lifetime. */
export function ownerId(owner: object): number {
  let id = OWNERS.get(owner);
  if (id === undefined) OWNERS.set(owner, (id = ++ownerCount));
  return id;
}

/**
 * A result that depends on a text and an owner (the reference data): the slot keeps the
 * last owner's result, so a lint with other data computes it again.
 */
export class OwnedTextSlot<T> {
  private readonly id = slotCount++;
  get(facts: TextFacts, owner: number, text: string, compute: (text: string) => T): T {
    const hit = facts.slots[this.id] as { owner: number; value: T } | undefined;
    if (hit !== undefined && hit.owner === owner) return hit.value;
    const value = compute(text);
    facts.slots[this.id] = { owner, value };
    return value;
  }
}

/**
 * A result that carries positions: valid only for a content at the same place (line,
 * column and column mapping). After a keystroke every line the edit did not touch or move
 * finds its result; a moved line is computed again.
 */
export class ContentSlot<T> {
  private readonly id = slotCount++;
  /**
   * @param none the result that carries no position (nothing found): valid for the same
   *   text wherever it stands, which most lines are
   */
  constructor(private readonly none: T) {}
  get(facts: TextFacts, c: Content, compute: (c: Content) => T): T {
    const hit = facts.slots[this.id] as { line: number; column: number; shifts: number[]; value: T } | undefined;
    if (hit !== undefined && (hit.value === this.none || (hit.line === c.line && hit.column === c.column && sameShifts(hit.shifts, c.shifts)))) return hit.value;
    const value = compute(c);
    facts.slots[this.id] = { line: c.line, column: c.column, shifts: c.shifts, value };
    return value;
  }
}

function sameShifts(a: number[], b: number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
