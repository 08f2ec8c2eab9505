// A small training set the tests build themselves (never the shared benchmark datasets).
import type { TrainingExample } from '../../../bot/language/index.js';

const en = (intent: string, texts: string[]): TrainingExample[] =>
  texts.map((text) => ({ text, intent, locale: 'en' }));
const fr = (intent: string, texts: string[]): TrainingExample[] =>
  texts.map((text) => ({ text, intent, locale: 'fr' }));

export const EXAMPLES: TrainingExample[] = [
  ...en('pension_credit', [
    'can I get pension credit',
    'how do I apply for pension credit',
    'my state pension is too low',
    'extra money for pensioners on a low income',
    'top up my pension',
    'am I eligible for pension credit',
  ]),
  ...en('housing_benefit', [
    'help paying my rent',
    'can I get housing benefit',
    'I cannot afford my rent',
    'support with rent for tenants',
    'how do I claim housing benefit',
    'my landlord put the rent up',
  ]),
  ...en('carers_allowance', [
    'I look after my mum',
    'money for carers',
    'I care for my disabled son',
    "am I entitled to carer's allowance",
    'I gave up work to care for someone',
    'carers allowance claim',
  ]),
  ...en('none', [
    'what is the weather like',
    'tell me a joke',
    'who won the football',
    'book a flight to paris',
    'play some music',
  ]),
  ...fr('pension_credit', ['ma pension est trop basse', 'aide pour les retraités', 'complément de retraite']),
  ...fr('housing_benefit', [
    'aide pour payer mon loyer',
    'je ne peux pas payer le loyer',
    'allocation logement',
  ]),
];
