// Answers in free text: the public face of this folder.
export * from './types.js';
export {
  recogniseNumber,
  recogniseNumbers,
  recogniseAge,
  recogniseMoney,
  recogniseDate,
  recogniseYesNo,
} from './recognisers.js';
export { recogniseChoice, recogniseChoices, recogniseCountry, countryOptions } from './choice.js';
export { recogniseAnswer, warmUp, type AnswerValue } from './recognise.js';
export { extractFacts, type ExtractedFact } from './facts.js';
export { recogniseInRanges } from './ranges.js';
export { dutchNumberWord } from './dutch.js';
