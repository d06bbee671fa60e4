/**
 * The closed vocabularies of a resolution (SPEC §1): calls, label suffixes, proposal symbols.
 * Shared by the parser (to recognise structure) and the rules (to judge it).
 */

export const PREAMBULAR_CALLS = [
  'considering',
  'recognizing',
  'noting',
  'recalling',
  'bearing in mind',
  'taking into account',
  'taking into consideration',
  'emphasizing',
  'observing',
  'acknowledging',
  'aware',
  'mindful',
  'convinced',
  'concerned',
  'having regard to',
  'having considered',
  'noting with satisfaction',
  'noting with concern',
  'welcoming',
  'reaffirming',
  'highlighting',
  'stressing',
  'expressing',
] as const;

/** Operative calls that take no addressee. */
export const OPERATIVE_PLAIN = ['resolves', 'decides', 'approves', 'adopts', 'agrees'] as const;

/** Operative calls followed by an addressee (`instructs the Director of …`). */
export const OPERATIVE_ADDRESSED = [
  'instructs',
  'invites',
  'encourages',
  'requests',
  'urges',
  'calls upon',
  'appeals to',
  'charges',
  'asks',
] as const;

/** Verbs allowed after `resolves to` (`resolves to instruct X`). */
export const RESOLVES_TO_VERBS = ['instruct', 'invite', 'request', 'encourage', 'urge', 'call upon'] as const;

/** Sections whose clauses open with `to`. */
export const TO_SECTIONS = new Set<string>([...OPERATIVE_ADDRESSED]);

/** Preambular calls under which a clause may open with the document it cites. */
export const CITING_CALLS = new Set<string>(['noting', 'recalling', 'bearing in mind', 'taking into account', 'having regard to', 'noting with satisfaction', 'noting with concern', 'welcoming']);

export const LATIN_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
] as const;

/** 1 for bis, 2 for ter, …; 0 when not a suffix. */
export function suffixOrdinal(s: string): number {
  const i = (LATIN_SUFFIXES as readonly string[]).indexOf(s.toLowerCase());
  return i < 0 ? 0 : i + 1;
}

export const PROPOSAL_SYMBOLS = ['ADD', 'MOD', '(MOD)', 'SUP', 'NOC', 'ADD*', 'SUP*'] as const;

/** `a` → 1, `z` → 26, `aa` → 27 (ITU letters past z double the letter). */
export function letterOrdinal(s: string): number {
  if (s.length === 1) return s.charCodeAt(0) - 96;
  if (s.length === 2 && s[0] === s[1]) return 26 + s.charCodeAt(0) - 96;
  return 0;
}

export function ordinalLetter(n: number): string {
  if (n <= 26) return String.fromCharCode(96 + n);
  const c = String.fromCharCode(96 + n - 26);
  return c + c;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

export function romanOrdinal(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    if (!v) return 0;
    const next = ROMAN[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function ordinalRoman(n: number): string {
  const table: [number, string][] = [
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}
