/**
 * Reference documents written for the tests: what a user keeps in a `references` folder.
 * Resolution 999 stands for a text the built-in data cannot know (a local or very recent
 * one); the Res 92 texts follow the layout of the corpus text (SPEC §1), in our own words.
 */

/** A WTSA text unknown to the built-in data, with two sections of labelled clauses. */
export const RES_999 = `RESOLUTION 999 (Geneva, 2022)
Keeping national copies of the texts adopted by the World Telecommunication
Standardization Assembly
(Geneva, 2022)
The World Telecommunication Standardization Assembly (Geneva, 2022),
considering
a)\tthat administrations keep their own copies of the resolutions of this assembly;
b)\tthat drafters need the exact title and the revisions of every text they cite,
resolves
1\tthat the Telecommunication Standardization Bureau publish each revised text within one month;
2\tthat each text carry its full history line,
instructs the Director of the Telecommunication Standardization Bureau
to report on the implementation of this resolution to the Telecommunication Standardization Advisory Group.
`;

export const RES_999_TITLE =
  'Keeping national copies of the texts adopted by the World Telecommunication Standardization Assembly';

/** Res 92 as revised in 2022: one revision newer than the built-in entry knows. */
export const RES_92_GENEVA_2022 = `\u00a0[bookmark: _Toc1]RESOLUTION 92 (Rev. Geneva, 2022)
Enhancing the standardization activities in the ITU Telecommunication Standardization Sector related to non-radio aspects of international mobile telecommunications
(Hammamet, 2016; Geneva, 2022)
The World Telecommunication Standardization Assembly (Geneva, 2022),
considering
a)\tthat International Mobile Telecommunications (IMT) covers IMT-2000, IMT-Advanced and IMT-2020;
b)\tthat the non-radio aspects of IMT are studied by several ITU‑T study groups,
noting
Resolution 18 (Rev. Hammamet, 2016) of this assembly, on the allocation of work between ITU‑R and ITU‑T,
resolves to invite the Telecommunication Standardization Advisory Group
to facilitate the coordination of the standardization activities on the non-radio aspects of IMT,
instructs Study Group 13
to continue the studies on the network aspects of IMT.
`;

/** The 2016 text of Res 92, as a second file. */
export const RES_92_HAMMAMET_2016 = `Resolution 92 (Hammamet, 2016)
Enhancing the standardization activities in the ITU Telecommunication Standardization Sector related to non-radio aspects of international mobile telecommunications
(Hammamet, 2016)
The World Telecommunication Standardization Assembly (Hammamet, 2016),
considering
that the non-radio aspects of IMT-2020 are studied by Study Group 13,
resolves
to facilitate coordination of the standardization activities on the non-radio side of IMT.
`;

/** A draft that cites both texts. */
export const CITING_DRAFT = `Resolution 1000 (Geneva, 2022)
Use of national copies of resolutions
(Geneva, 2022)
The World Telecommunication Standardization Assembly (Geneva, 2022),
considering
a)\tthat Resolution 999 (Geneva, 2022) of this assembly asks for national copies;
b)\tthat Resolution 92 (Rev. Geneva, 2022) of this assembly concerns IMT;
c)\tthat Resolution 92 (Hammamet, 2016) of this assembly was its first version,
resolves
to keep the copies up to date.
`;

/** A draft that refers to clauses of the texts above (SPEC §3: `resolves 2 of Resolution 18 (…)`). */
export const CLAUSE_CITING_DRAFT = `Resolution 1001 (Geneva, 2022)
Reading the clauses of the texts cited
(Geneva, 2022)
The World Telecommunication Standardization Assembly (Geneva, 2022),
considering
a)\tthat resolves 2 of Resolution 999 (Geneva, 2022) of this assembly asks for full history lines;
b)\tthat Resolution 999 (Geneva, 2022) of this assembly, considering b), concerns every drafter;
c)\tthat resolves 3 of Resolution 999 (Geneva, 2022) of this assembly is cited by mistake;
d)\tthat considering b) of Resolution 92 (Rev. Geneva, 2022) of this assembly names the study groups concerned;
e)\tthat considering b) of Resolution 92 (Hammamet, 2016) of this assembly is cited by mistake, that text's considering having one clause;
f)\tthat considering b) of Resolution 92 of this assembly names no revision,
resolves
to keep the copies up to date, as resolves 2 of Resolution 999 (Geneva, 2022) asks.
`;
