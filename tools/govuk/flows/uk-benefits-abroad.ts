/**
 * GOV.UK's "UK benefits abroad" flow. Its country groups (the EEA, social security agreement
 * countries per benefit, former Yugoslavia) become named lists; the countries GOV.UK offers are a
 * list too, which the country question takes its choices from.
 */
import type { PackWriter } from '../lib/pack-writer.js';
import type { PeerFlow } from '../lib/peer.js';
import { en } from '../lib/texts.js';
import { listId, type FlowTexts, type RoutedFlowSpec } from './routed.js';

export const FLOW = 'uk-benefits-abroad';

/** A country id as a name: "new-zealand" is New Zealand (lists need a label for each choice). */
function countryName(id: string): string {
  const special: Record<string, string> = { usa: 'USA', uae: 'UAE' };
  return (
    special[id] ??
    id
      .split('-')
      .map((w) => (w === 'and' || w === 'of' || w === 'the' ? w : w.charAt(0).toUpperCase() + w.slice(1)))
      .join(' ')
  );
}

export function ukBenefitsAbroadSpec(texts: FlowTexts, snapshot: string): RoutedFlowSpec {
  return {
    flow: FLOW,
    topic: 'benefits_abroad',
    texts,
    defaultAsOf: snapshot,
    lastReviewed: snapshot,
    async writeExtras(writer: PackWriter, flow: PeerFlow) {
      const sets = flow.sets as Record<string, { doc?: string; members: string[] }>;
      for (const [name, set] of Object.entries(sets)) {
        const id = listId(name);
        const isOptions = name === 'COUNTRY_OPTIONS';
        await writer.write('list', id, {
          id,
          description: isOptions
            ? 'The countries and territories the benefits-abroad check offers (not the UK).'
            : `Countries in GOV.UK's ${name} group for the benefits-abroad check.`,
          members: set.members,
          ...(isOptions
            ? { labels: Object.fromEntries(set.members.map((m) => [m, en(countryName(m))])) }
            : {}),
          sources: [{ title: flow.title, url: flow.gov_uk_url }],
        });
      }
    },
  };
}
