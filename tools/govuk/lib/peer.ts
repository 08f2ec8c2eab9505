/**
 * Reading GOV.UK's peer flows and cases (../shared/peers/govuk-smart-answers by default). They
 * are read at conversion time only: the pack holds our own files, never copies of these.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Expr } from './expr.js';

export interface PeerOption {
  id: string;
  label: string;
}

export interface PeerQuestion {
  id: string;
  order: number;
  type: string;
  options?: PeerOption[];
  validation?: Array<{ rule: string; check?: Expr }>;
  next?: Array<{ when?: Expr; goto: string }>;
  [key: string]: unknown;
}

export interface PeerCase {
  id: string;
  origin: 'from-test' | 'derived';
  kind:
    | 'end_to_end'
    | 'next_node'
    | 'invalid_input'
    | 'predicate'
    | 'derived_value'
    | 'function'
    | 'calculator_unit';
  answers: Record<string, unknown>;
  as_of?: string;
  predicate?: string;
  expected: Record<string, unknown>;
  [key: string]: unknown;
}

export interface PeerFlow {
  flow: string;
  gov_uk_url: string;
  title: string;
  start: string;
  questions: PeerQuestion[];
  outcomes: Array<Record<string, unknown> & { id: string }>;
  predicates?: Record<string, Expr>;
  derived?: Record<string, unknown>;
  tables?: Record<string, unknown>;
  sets?: Record<string, unknown>;
  source: { commit: string; commit_date: string };
  [key: string]: unknown;
}

export async function readFlow(peersDir: string, flow: string): Promise<PeerFlow> {
  return JSON.parse(await readFile(join(peersDir, `${flow}.flow.json`), 'utf8')) as PeerFlow;
}

export async function readCases(peersDir: string, flow: string): Promise<PeerCase[]> {
  const file = JSON.parse(await readFile(join(peersDir, `${flow}.cases.json`), 'utf8')) as {
    cases: PeerCase[];
  };
  return file.cases;
}

/** A GOV.UK id as a Guichet id: lower case, `?` dropped, other characters outside [a-z0-9_-] as `_`. */
export function guichetId(govuk: string): string {
  return govuk
    .toLowerCase()
    .replace(/\?/g, '')
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/_+$/g, '')
    .replace(/^_+/g, '');
}
