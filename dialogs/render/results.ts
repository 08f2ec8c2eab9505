/**
 * The results of a screening or a service check: grouped as the screening defines, each with
 * its reason and how to apply; a "you may be able to get" group for what we could not decide;
 * a summary of the answers; and the reminder that this is guidance, not a decision. Written as
 * Markdown: Web Chat shows it formatted (and it prints), plain channels show readable text.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import type { BotContent } from '../../bot/content.js';
import { explainService, type Assessment, type Answers, type Locale } from '../../bot/eligibility/index.js';
import type { KnowledgePack } from '../../bot/knowledge/index.js';
import { localise } from '../answers.js';
import { factLine } from './text.js';
import { fillValues, shownValues } from './values.js';

export function resultsActivity(
  pack: KnowledgePack,
  assessment: Assessment,
  answers: Answers,
  locale: string,
  content: BotContent,
): Partial<Activity> {
  const parts =
    assessment.kind === 'screening'
      ? screeningParts(pack, assessment, locale, content)
      : serviceParts(pack, assessment, locale, content);
  const answered = Object.entries(answers).filter(([id]) => pack.questions[id]);
  if (answered.length > 0) {
    parts.push(`**${content.message('results_answers', locale)}**`);
    parts.push(answered.map(([id, value]) => `- ${factLine(pack, id, value, locale, content)}`).join('\n'));
  }
  const guidance = localise(pack.screenings[assessment.id]?.outcomes.guidance, locale);
  parts.push(`_${guidance || content.message('results_guidance', locale)}_`);
  return { type: ActivityTypes.Message, text: parts.join('\n\n'), textFormat: 'markdown' };
}

function screeningParts(
  pack: KnowledgePack,
  assessment: Assessment,
  locale: string,
  content: BotContent,
): string[] {
  const screening = pack.screenings[assessment.id];
  const parts: string[] = [];
  const eligible = new Set(assessment.eligible);
  const line = lineMaker(pack, assessment, locale, content);
  parts.push(
    localise(eligible.size > 0 ? screening?.outcomes.someEligible : screening?.outcomes.noneEligible, locale),
  );
  const groups = screening?.groups ?? [{ id: 'all', title: { en: '' }, services: [...assessment.eligible] }];
  const shown = new Set<string>();
  for (const group of groups) {
    const members = group.services.filter((id) => eligible.has(id) && !shown.has(id));
    if (members.length === 0) continue;
    members.forEach((id) => shown.add(id));
    const title = localise(group.title, locale);
    parts.push([title ? `**${title}**` : '', ...members.map(line)].filter(Boolean).join('\n'));
  }
  // Services the screening lists outside any group still show, in the screening's order.
  const ungrouped = assessment.eligible.filter((id) => !shown.has(id));
  if (ungrouped.length > 0) parts.push(ungrouped.map(line).join('\n'));
  if (assessment.unknown.length > 0) {
    parts.push(
      [
        `**${localise(screening?.outcomes.someUnknown, locale) || content.message('results_maybe', locale)}**`,
        ...assessment.unknown.map(line),
      ].join('\n'),
    );
  }
  return parts.filter(Boolean);
}

function serviceParts(
  pack: KnowledgePack,
  assessment: Assessment,
  locale: string,
  content: BotContent,
): string[] {
  const service = pack.services[assessment.id];
  const evaluation = assessment.services[0];
  if (!service || !evaluation) return [];
  const outcome =
    evaluation.outcome === 'eligible'
      ? service.outcomes.eligible
      : evaluation.outcome === 'ineligible'
        ? service.outcomes.notEligible
        : service.outcomes.maybe;
  const reasons = explainService(pack.model, evaluation, locale as Locale).sentences;
  // A service checked on its own has no screening values: sentences naming one are left out.
  const parts = [filler(pack, assessment, locale, content)(localise(outcome, locale)), ...reasons];
  if (evaluation.outcome !== 'ineligible') parts.push(applyLine(pack, assessment.id, locale, content));
  return parts.filter(Boolean);
}

/**
 * Fills a text with the values of the screening being assessed; a sentence naming any value
 * of the pack that is not known here (or belongs to another screening) is left out.
 */
function filler(
  pack: KnowledgePack,
  assessment: Assessment,
  locale: string,
  content: BotContent,
): (text: string) => string {
  const values = shownValues(pack, assessment, locale, content);
  const defined = [...(pack.model.values?.keys() ?? [])];
  return (text) => fillValues(text, values, defined);
}

/** Writes one service's line of a screening's results, with the screening's values filled in. */
function lineMaker(
  pack: KnowledgePack,
  assessment: Assessment,
  locale: string,
  content: BotContent,
): (id: string) => string {
  const fill = filler(pack, assessment, locale, content);
  return (id) => {
    const service = pack.services[id];
    const evaluation = assessment.services.find((s) => s.id === id);
    if (!service || !evaluation) return '';
    const title = localise(service.title, locale);
    // A result answers the citizen's question: its own words, and where to read more.
    if (service.kind === 'result') {
      const source = service.sources[0];
      const more = source ? ` [${source.title}](${source.url})` : '';
      const text = evaluation.outcome === 'eligible' ? service.outcomes.eligible : service.outcomes.maybe;
      return `- **${title}**: ${fill(localise(text, locale))}${more}`;
    }
    const reasons = explainService(pack.model, evaluation, locale as Locale).sentences.join(' ');
    const summary = fill(localise(service.summary, locale));
    return `- **${title}**: ${[summary, reasons].filter(Boolean).join(' ')} ${applyLine(pack, id, locale, content)}`;
  };
}

function applyLine(pack: KnowledgePack, id: string, locale: string, content: BotContent): string {
  const service = pack.services[id];
  if (!service) return '';
  const name = localise(service.name ?? service.title, locale);
  return `[${content.message('how_to_apply', locale, { service: name })}](${service.howToApply.url})`;
}
