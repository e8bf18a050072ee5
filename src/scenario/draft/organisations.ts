/**
 * International organisations, blocs and groups that act in negotiations (country names come from
 * the `world-countries` package instead). Upper-case short forms match only as written.
 */
export interface KnownBody {
  id: string;
  name: string;
  kind: 'organisation' | 'group';
  forms: readonly string[];
  /** Adjectives that name it ("Western"): mentions that describe rather than act. */
  adjectives?: readonly string[];
}

export const knownBodies: readonly KnownBody[] = [
  { id: 'eu', name: 'European Union', kind: 'organisation', forms: ['European Union', 'EU', 'E.U.'] },
  { id: 'european_commission', name: 'European Commission', kind: 'organisation', forms: ['European Commission'] },
  { id: 'nato', name: 'NATO', kind: 'organisation', forms: ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Alliance'] },
  { id: 'un', name: 'United Nations', kind: 'organisation', forms: ['United Nations', 'UN', 'U.N.'] },
  { id: 'un_security_council', name: 'UN Security Council', kind: 'organisation', forms: ['Security Council', 'UN Security Council', 'UNSC'] },
  { id: 'osce', name: 'OSCE', kind: 'organisation', forms: ['OSCE', 'Organization for Security and Co-operation in Europe'] },
  { id: 'iaea', name: 'IAEA', kind: 'organisation', forms: ['IAEA', 'International Atomic Energy Agency'] },
  { id: 'imf', name: 'IMF', kind: 'organisation', forms: ['IMF', 'International Monetary Fund'] },
  { id: 'world_bank', name: 'World Bank', kind: 'organisation', forms: ['World Bank'] },
  { id: 'wto', name: 'WTO', kind: 'organisation', forms: ['WTO', 'World Trade Organization'] },
  { id: 'who', name: 'WHO', kind: 'organisation', forms: ['WHO', 'World Health Organization'] },
  { id: 'african_union', name: 'African Union', kind: 'organisation', forms: ['African Union', 'AU'] },
  { id: 'asean', name: 'ASEAN', kind: 'organisation', forms: ['ASEAN', 'Association of Southeast Asian Nations'] },
  { id: 'arab_league', name: 'Arab League', kind: 'organisation', forms: ['Arab League', 'League of Arab States'] },
  { id: 'gcc', name: 'Gulf Cooperation Council', kind: 'organisation', forms: ['Gulf Cooperation Council', 'GCC'] },
  { id: 'opec', name: 'OPEC', kind: 'organisation', forms: ['OPEC', 'OPEC+'] },
  { id: 'g7', name: 'G7', kind: 'group', forms: ['G7', 'Group of Seven'] },
  { id: 'g20', name: 'G20', kind: 'group', forms: ['G20', 'Group of Twenty'] },
  { id: 'brics', name: 'BRICS', kind: 'group', forms: ['BRICS'] },
  { id: 'west', name: 'the West', kind: 'group', forms: ['the West'], adjectives: ['Western'] },
  { id: 'hamas', name: 'Hamas', kind: 'group', forms: ['Hamas'] },
  { id: 'hezbollah', name: 'Hezbollah', kind: 'group', forms: ['Hezbollah'] },
  { id: 'taliban', name: 'Taliban', kind: 'group', forms: ['Taliban', 'the Taliban'] },
  { id: 'houthis', name: 'Houthis', kind: 'group', forms: ['Houthis', 'Ansar Allah'], adjectives: ['Houthi'] },
];
