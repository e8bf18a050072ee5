/**
 * The cue lexicon, written from the CAMEO event families (Schrodt, CAMEO Conflict and Mediation
 * Event Observations codebook, v1.1b3, 2012): 02 appeal and 03 express intent to cooperate
 * (incl. 036 intent to meet or negotiate) → `appeal`; 04 consult (incl. 045 mediate, 046 negotiate)
 * → `consult`; 10 demand; 12 reject; 13 threaten; 16 reduce relations and 17 coerce → `sanction`;
 * 08 yield → `concede`; 05/06 and 057 sign formal agreement → `agree`. Entries are lemmas; the
 * matcher adds their inflections. A phrase's words may have up to two words between them.
 */
export type CueCategory = 'appeal' | 'consult' | 'demand' | 'reject' | 'threaten' | 'sanction' | 'concede' | 'agree';

export const lexicon: Readonly<Record<CueCategory, readonly string[]>> = {
  appeal: [
    'appeal', 'urge', 'ask', 'request', 'call for', 'call on', 'plead', 'seek', 'sue for peace', 'propose', 'proposal',
    'invite', 'invitation', 'offer', 'press for', 'push for', 'encourage', 'plea', 'implore', 'beg', 'intend to negotiate',
  ],
  consult: [
    'meet', 'meeting', 'talk', 'discuss', 'discussion', 'consult', 'consultation', 'visit', 'host', 'negotiate', 'negotiation',
    'confer', 'mediate', 'mediation', 'hold talks', 'phone call', 'dialogue', 'summit',
  ],
  demand: ['demand', 'insist', 'require', 'precondition', 'condition', 'call for the withdrawal', 'must'],
  reject: [
    'reject', 'refuse', 'decline', 'deny', 'dismiss', 'rebuff', 'oppose', 'veto', 'rule out', 'turn down', 'rejection', 'refusal',
    'resolute', 'adamant', 'intransigent', 'unyielding', 'uncompromising', 'distrust', 'spurn', 'repudiate', 'condemn', 'denounce',
  ],
  threaten: ['threaten', 'threat', 'warn', 'warning', 'ultimatum', 'vow to retaliate', 'retaliate'],
  sanction: [
    'sanction', 'embargo', 'boycott', 'freeze asset', 'expel', 'cut off', 'suspend', 'reduce import', 'cut import', 'halt import',
    'ban', 'blockade', 'tariff', 'impose restriction', 'sever tie', 'recall ambassador', 'halt aid', 'cut aid',
  ],
  concede: [
    'concede', 'concession', 'yield', 'compromise', 'give in', 'back down', 'relent', 'ease sanction', 'lift sanction', 'withdraw',
    'pull out', 'release', 'accommodate', 'accept demand', 'make concession',
  ],
  agree: ['agree', 'sign', 'conclude', 'ratify', 'endorse', 'accept', 'approve', 'welcome', 'reach agreement', 'reach a deal', 'agreement'],
};

/** Words that turn a cooperative cue into a refusal when they come before it in its clause. */
export const negators = ['not', 'never', 'no', 'neither', 'nor', 'cannot', 'unwilling', 'reluctant', 'without', 'hardly'];

/** Words after a cooperative cue that say the actor will not have it ("negotiations are impossible"). */
export const postNegators = ['impossible', 'unnecessary', 'pointless', 'futile', 'unacceptable', 'meaningless', 'out of the question', 'off the table'];

/**
 * Intent (CAMEO 03): an intent word followed in its clause by a cooperation word is an `appeal`
 * ("wants to move the process forward through dialogue", "tries to mediate").
 */
export const intentWords = ['try', 'seek', 'want', 'hope', 'wish', 'ready', 'willing', 'intend', 'plan', 'aim', 'push', 'strive', 'attempt', 'offer', 'eager', 'keen'];
export const cooperationWords = [
  'talk', 'negotiate', 'negotiation', 'dialogue', 'resolve', 'mediate', 'meet', 'settle', 'settlement', 'reconcile', 'reconciliation',
  'peace', 'peaceful', 'solution', 'compromise', 'cooperate', 'cooperation', 'de-escalate', 'deescalate', 'ceasefire', 'truce',
];
