// A small model written by hand, shared by the eligibility tests.
import type {
  EligibilityModel,
  NamedList,
  NamedValue,
  ParameterDef,
  QuestionDef,
  ScreeningDef,
  ServiceDef,
} from '../../../bot/eligibility/model.js';

export interface ModelParts {
  questions?: QuestionDef[];
  services?: ServiceDef[];
  screenings?: ScreeningDef[];
  parameters?: ParameterDef[];
  lists?: NamedList[];
  values?: NamedValue[];
  nationQuestion?: string;
  reasonTemplates?: EligibilityModel['reasonTemplates'];
}

export function makeModel(parts: ModelParts): EligibilityModel {
  const byId = <T extends { id: string }>(items: T[] = []) => new Map(items.map((item) => [item.id, item]));
  return {
    questions: byId(parts.questions),
    services: byId(parts.services),
    screenings: byId(parts.screenings),
    parameters: byId(parts.parameters),
    lists: byId(parts.lists),
    values: byId(parts.values),
    ...(parts.nationQuestion !== undefined ? { nationQuestion: parts.nationQuestion } : {}),
    ...(parts.reasonTemplates ? { reasonTemplates: parts.reasonTemplates } : {}),
  };
}

export const choice = (id: string, choices: string[], askIf?: QuestionDef['askIf']): QuestionDef => ({
  id,
  type: 'choice',
  choices,
  ...(askIf ? { askIf } : {}),
});
