import type { Content } from '../model/types';
import { anchorShape } from './shapes';

let sharing = true;

/**
 * A memo keyed by a string, bounded: the map is emptied when it grows past its limit, so
 * memory stays flat however long the session.
 */
export class BoundedMemo<T> {
  private map = new Map<string, T>();
  constructor(private readonly limit = 20000) {}

  get(key: string, compute: (key: string) => T): T {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

/**
 * Per-line memo for work that depends only on one line's text: re-linting after a keystroke
 * finds every other line's result here. Bounded like BoundedMemo. With shareFacts(false)
 * every line memo computes afresh (nothing found in one line is found again in another).
 */
export class LineMemo<T> extends BoundedMemo<T> {
  override get(text: string, compute: (text: string) => T): T {
    return sharing ? super.get(text, compute) : compute(text);
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
  /** the text, one string object for all equal texts (the parser hands this one out) */
  constructor(readonly text: string) {}
}

const FACTS = new LineMemo<TextFacts>(50000);
const newFacts = (text: string): TextFacts => new TextFacts(text);

/**
 * For the benchmark: with `false`, every lookup gets a fresh record and every LineMemo
 * computes afresh, so nothing found in one line is found again in another, as on a text
 * that never repeats a line.
 */
export function shareFacts(on: boolean): void {
  sharing = on;
}

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
 * A result that carries positions. Valid as it is for a content at the same place (line,
 * column and column mapping); for the same text with the same column mapping at another
 * place (a line moved by an edit above it, a text repeated) it is moved there with `move`,
 * without scanning again; a different column mapping is scanned again.
 */
export class ContentSlot<T> {
  private readonly id = slotCount++;
  /**
   * @param none the result that carries no position (nothing found): valid for the same
   *   text wherever it stands, which most lines are
   * @param move the result found at one place, moved by whole lines and columns (moveRanges)
   */
  constructor(
    private readonly none: T,
    private readonly move: (value: T, lines: number, columns: number) => T,
  ) {}
  get(facts: TextFacts, c: Content, compute: (c: Content) => T): T {
    const hit = facts.slots[this.id] as { line: number; column: number; shifts: number[]; value: T } | undefined;
    if (hit !== undefined && (hit.value === this.none || sameShifts(hit.shifts, c.shifts))) {
      if (hit.value === this.none || (hit.line === c.line && hit.column === c.column)) return hit.value;
      const moved = this.move(hit.value, c.line - hit.line, c.column - hit.column);
      facts.slots[this.id] = { line: c.line, column: c.column, shifts: c.shifts, value: moved };
      return moved;
    }
    const value = compute(c);
    facts.slots[this.id] = { line: c.line, column: c.column, shifts: c.shifts, value };
    return value;
  }
}

/**
 * A copy of a scan result with every range in it moved by `lines` and `columns`: what was
 * found in a text at one place, for the same text (with the same column mapping) at another.
 * Arrays and plain objects are copied; anything else (a text unit, a class instance) is
 * kept as it is. A range is an object with `start` and `end` positions. A result moved this
 * way holds its places as ranges only (a content or a bare line number in it would not move).
 */
export function moveRanges<T>(value: T, lines: number, columns: number): T {
  return moveValue(value, lines, columns) as T;
}

function moveValue(v: unknown, lines: number, columns: number): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = moveValue(v[i], lines, columns);
    return out;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return v;
  const o = v as Record<string, unknown>;
  if (isRange(o)) {
    const s = o.start as { line: number; character: number };
    const e = o.end as { line: number; character: number };
    return { start: { line: s.line + lines, character: s.character + columns }, end: { line: e.line + lines, character: e.character + columns } };
  }
  // own enumerable keys in order, read without building a list of them
  const out: Record<string, unknown> = {};
  for (const k in o) if (Object.hasOwn(o, k)) out[k] = moveValue(o[k], lines, columns);
  return out;
}

/** An object with exactly `start` and `end` positions (a Range). */
function isRange(o: Record<string, unknown>): boolean {
  if (!isPosition(o.start) || !isPosition(o.end)) return false;
  let n = 0;
  for (const k in o) if (Object.hasOwn(o, k) && ++n > 2) return false;
  return true;
}

function isPosition(p: unknown): p is { line: number; character: number } {
  return typeof p === 'object' && p !== null && typeof (p as { line?: unknown }).line === 'number' && typeof (p as { character?: unknown }).character === 'number';
}

function sameShifts(a: number[], b: number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// the shape of a facts record (util/shapes.ts): records are dropped when the memo is emptied
anchorShape('memo.TextFacts', () => new TextFacts(''));
