/**
 * Our own citizen-facing texts for the converted flows, kept in data/*.en.json so that content
 * editors can change a sentence without reading code. GOV.UK's sentences are never copied: only
 * facts (ids, conditions, links, official names) come from the peer files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckBenefitsTexts } from '../flows/check-benefits.js';

export interface LocalText {
  en: string;
}

export interface Texts {
  checkBenefits: CheckBenefitsTexts;
  /** Per flow, free-form texts the flow's converter reads. */
  flows: Record<string, Record<string, unknown>>;
}

export function en(text: string): LocalText {
  return { en: text };
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export async function readTexts(dataDir: string): Promise<Texts> {
  const read = async (file: string): Promise<unknown> =>
    JSON.parse(await readFile(join(dataDir, file), 'utf8'));
  return {
    checkBenefits: (await read('check-benefits.en.json')) as CheckBenefitsTexts,
    flows: {},
  };
}

/** The words of a screening: its title, its introduction and the three result headings. */
export interface ScreeningTexts {
  title: string;
  intro: string;
  someEligible: string;
  noneEligible: string;
  someUnknown: string;
  /** Said after the results instead of the pack's general guidance line. */
  guidance?: string;
}
