/**
 * ITU English follows the Oxford spelling of the Concise Oxford Dictionary: -ize
 * (standardization, organization) with British forms otherwise (centre, programme,
 * behaviour, fibre, signalling, analyse), as SPEC §5 states and as ITU's published texts
 * show. Each entry maps a non-ITU form to the ITU form.
 */

/** Stems spelt -ise in British usage that ITU spells -ize. Inflected by code (-ise, -ised, -ises, -ising, -isation, -isations, -iser, -isers). */
const IZE_STEMS = [
  'standard', 'organ', 'recogn', 'harmon', 'priorit', 'real', 'util', 'emphas', 'minim', 'maxim',
  'optim', 'author', 'character', 'categor', 'summar', 'final', 'mobil', 'capital', 'special',
  'digital', 'global', 'local', 'normal', 'central', 'decentral', 'commercial', 'industrial',
  'modern', 'synchron', 'visual', 'virtual', 'personal', 'legal', 'formal', 'institutional',
  'operational', 'internal', 'external', 'liberal', 'privat', 'rational', 'initial', 'serial',
  'apolog', 'critic', 'symbol', 'memor', 'jeopard', 'subsid', 'stabil', 'sensit', 'incentiv',
  'democrat', 'familiar', 'monopol', 'econom', 'material', 'custom', 'item', 'random',
  'civil', 'energ', 'sanit', 'fertil', 'colon', 'immun', 'hospital', 'contextual', 'conceptual',
];

/** Whole words: US (or other non-Oxford) form → ITU form. */
const WORDS: Record<string, string> = {
  center: 'centre', centers: 'centres', centered: 'centred', centering: 'centring',
  program: 'programme', programs: 'programmes',
  behavior: 'behaviour', behaviors: 'behaviours', behavioral: 'behavioural',
  favor: 'favour', favors: 'favours', favored: 'favoured', favorable: 'favourable', favorably: 'favourably', favorite: 'favourite',
  labor: 'labour', labors: 'labours',
  fiber: 'fibre', fibers: 'fibres',
  signaling: 'signalling', signaled: 'signalled',
  modeling: 'modelling', modeled: 'modelled',
  labeling: 'labelling', labeled: 'labelled',
  traveling: 'travelling', traveled: 'travelled',
  canceled: 'cancelled', canceling: 'cancelling',
  fueled: 'fuelled', fueling: 'fuelling',
  counseling: 'counselling', counselor: 'counsellor',
  analyze: 'analyse', analyzes: 'analyses', analyzed: 'analysed', analyzing: 'analysing',
  catalyze: 'catalyse', catalyzed: 'catalysed', paralyze: 'paralyse',
  catalog: 'catalogue', catalogs: 'catalogues', dialog: 'dialogue', dialogs: 'dialogues',
  defense: 'defence', offense: 'offence',
  color: 'colour', colors: 'colours', honor: 'honour', honors: 'honours', honored: 'honoured',
  neighbor: 'neighbour', neighbors: 'neighbours', neighboring: 'neighbouring',
  endeavor: 'endeavour', endeavors: 'endeavours',
  rumor: 'rumour', harbor: 'harbour', vapor: 'vapour', flavor: 'flavour',
  enrollment: 'enrolment', fulfill: 'fulfil', fulfills: 'fulfils', fulfillment: 'fulfilment',
  installment: 'instalment', skillful: 'skilful', willful: 'wilful',
  gray: 'grey', percent: 'per cent',
  aging: 'ageing',
  practiced: 'practised', practicing: 'practising',
  artifact: 'artefact', artifacts: 'artefacts',
  meager: 'meagre', theater: 'theatre', liter: 'litre', liters: 'litres',
  kilometer: 'kilometre', kilometers: 'kilometres', centimeter: 'centimetre', millimeter: 'millimetre',
};

function buildMap(): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(WORDS)) m.set(k, v);
  const endings: [string, string][] = [
    ['ise', 'ize'], ['ised', 'ized'], ['ises', 'izes'], ['ising', 'izing'],
    ['isation', 'ization'], ['isations', 'izations'], ['iser', 'izer'], ['isers', 'izers'],
  ];
  for (const stem of IZE_STEMS) {
    for (const [b, a] of endings) if (!m.has(stem + b)) m.set(stem + b, stem + a);
  }
  return m;
}

export const SPELLING: Map<string, string> = buildMap();
