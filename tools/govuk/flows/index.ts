/**
 * The flows other than check-benefits: state-pension-age, am-i-getting-minimum-wage and
 * uk-benefits-abroad. Each returns the topics it starts and how many cases it wrote.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackWriter } from '../lib/pack-writer.js';
import { convertRoutedFlow, type FlowTexts } from './routed.js';
import { statePensionAgeSpec } from './state-pension-age.js';
import { minimumWageSpec } from './minimum-wage.js';
import { ukBenefitsAbroadSpec } from './uk-benefits-abroad.js';
import { SNAPSHOT_DATE } from './check-benefits.js';

export interface FlowResult {
  topicStarts: Map<string, { screening: string } | { service: string }>;
  cases: number;
}

async function texts<T = FlowTexts>(dataDir: string, flow: string): Promise<T> {
  return JSON.parse(await readFile(join(dataDir, `${flow}.en.json`), 'utf8')) as T;
}

export async function convertOtherFlows(
  peers: string,
  writer: PackWriter,
  dataDir: string,
): Promise<FlowResult> {
  const topicStarts = new Map<string, { screening: string } | { service: string }>();
  let cases = 0;
  const specs = [
    statePensionAgeSpec(await texts(dataDir, 'state-pension-age'), SNAPSHOT_DATE),
    minimumWageSpec(await texts(dataDir, 'am-i-getting-minimum-wage'), SNAPSHOT_DATE),
    ukBenefitsAbroadSpec(await texts(dataDir, 'uk-benefits-abroad'), SNAPSHOT_DATE),
  ];
  for (const spec of specs) {
    const result = await convertRoutedFlow(peers, writer, spec);
    for (const [k, v] of result.topicStarts) topicStarts.set(k, v);
    cases += result.cases;
  }
  return { topicStarts, cases };
}
