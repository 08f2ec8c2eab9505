/**
 * Schema validation with ajv, from the JSON Schemas in knowledge/schema/ (the same files VS Code uses
 * through "$schema"). ajv's errors are turned into problems in the editor's words, at the position of
 * the offending value; several ajv errors about one value become one problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { locate, type JsonPath, type SourceFile } from './json-source.js';
import { LAYOUT, expectedSchemaRef, layoutOf, type FileKind } from './layout.js';
import { problem, type Problem } from './problems.js';
import { didYouMean } from './suggest.js';

/** The schema folder shipped with the code: knowledge/schema/ at the top of the repository. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../knowledge/schema/', import.meta.url));

// ajv-formats is CommonJS: depending on the loader its default export arrives wrapped or not.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;

let compiled: Map<FileKind, ValidateFunction> | undefined;

/** Loads every schema once; the rule schema belongs to bot/eligibility and may not exist yet. */
function validators(): Map<FileKind, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'));
  for (const file of files) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object);
  if (!files.includes('rule.schema.json')) ajv.addSchema({ $id: 'rule.schema.json' });
  compiled = new Map(LAYOUT.map((l) => [l.kind, ajv.getSchema(l.schema) as ValidateFunction]));
  return compiled;
}

function pathOf(instancePath: string): JsonPath {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(path: JsonPath): string {
  return path.length === 0
    ? 'the file'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
        .join('')
        .slice(1)
        .replace(/^\[/, '[');
}

function valueText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Turns one ajv error into a problem, or undefined for errors that only echo a more precise one. */
function toProblem(source: SourceFile, error: ErrorObject): Problem | undefined {
  const path = pathOf(error.instancePath);
  const where = describe(path);
  const file = source.file;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      if (missing === 'en') {
        return problem(
          'MISSING_EN',
          { file, ...locate(source, path) },
          `${where} has no English (en) text`,
          'every text a citizen reads needs "en"',
        );
      }
      return problem('SCHEMA', { file, ...locate(source, path) }, `${where} is missing "${missing}"`);
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const known = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      const at = locate(source, [...path, extra], true);
      return problem(
        'SCHEMA',
        { file, ...at },
        `unknown property "${extra}" in ${where}`,
        didYouMean(
          extra,
          known.filter((k) => k !== '$schema'),
        ),
      );
    }
    case 'propertyNames':
      return undefined; // the pattern error on the name itself says more
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = didYouMean(String(error.data), allowed, 12);
      return problem(
        'SCHEMA',
        { file, ...locate(source, path) },
        `${where} is ${valueText(error.data)}; allowed: ${allowed.join(', ')}`,
        hint?.startsWith('did') ? hint : undefined,
      );
    }
    case 'const':
      return problem(
        'SCHEMA',
        { file, ...locate(source, path) },
        `${where} must be ${valueText(params.allowedValue)}`,
      );
    case 'type':
      return problem(
        'SCHEMA',
        { file, ...locate(source, path) },
        `${where} must be ${String(params.type).replace(/,/g, ' or ')}, not ${valueText(error.data)}`,
      );
    case 'pattern': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      if (
        error.instancePath.endsWith('/id') ||
        error.schemaPath.includes('/id/') ||
        /\bid\b/.test(description ?? '')
      ) {
        return problem(
          'SCHEMA',
          { file, ...locate(source, path) },
          `${valueText(error.data)} is not a valid id`,
          'use lower case letters, digits, _ and -, such as pension_credit',
        );
      }
      return problem(
        'SCHEMA',
        { file, ...locate(source, path) },
        `${where} is ${valueText(error.data)}, which is not in the expected form`,
        description,
      );
    }
    case 'format':
      return problem(
        'SCHEMA',
        { file, ...locate(source, path) },
        `${where} is ${valueText(error.data)}, which is not a valid ${String(params.format)}`,
        params.format === 'date' ? 'write dates as YYYY-MM-DD, such as 2025-04-06' : undefined,
      );
    case 'minItems':
      return problem(
        'SCHEMA',
        { file, ...locate(source, path) },
        `${where} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
      );
    case 'uniqueItems':
      return problem(
        'SCHEMA',
        { file, ...locate(source, path) },
        `${where} lists the same item twice (items ${String(params.j)} and ${String(params.i)})`,
      );
    case 'if':
    case 'anyOf':
      return undefined; // their branches' errors are reported instead
    case 'oneOf':
      return problem(
        'SCHEMA',
        { file, ...locate(source, path) },
        `${where} does not match any of the allowed forms`,
      );
    default:
      return problem(
        'SCHEMA',
        { file, ...locate(source, path) },
        `${where} ${error.message ?? 'is not valid'}`,
      );
  }
}

const isComposite = (e: ErrorObject) => e.keyword === 'oneOf' || e.keyword === 'anyOf';

function propertyNames(schema: unknown): string[] {
  const properties = (schema as { properties?: object } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

/**
 * A value that matches none of several forms (a rule with a misspelt operator, an operand with a
 * misspelt key) makes ajv report every form's complaint. The editor needs one: the unknown name with
 * its nearest valid one, or the list of forms. Errors inside the value (deeper paths) stay as they are.
 */
function explainComposite(
  source: SourceFile,
  c: ErrorObject,
  errors: ErrorObject[],
  consumed: Set<ErrorObject>,
): Problem[] {
  const inside = (e: ErrorObject) => e !== c && e.schemaPath.startsWith(`${c.schemaPath}/`);
  // A branch given by $ref reports schema paths of its own: at the same value, anything not written
  // beside the oneOf/anyOf in the same schema comes from a branch.
  const parentOf = (schemaPath: string) => schemaPath.slice(0, schemaPath.lastIndexOf('/'));
  const isSibling = (e: ErrorObject) => parentOf(e.schemaPath) === parentOf(c.schemaPath);
  const branchErrors = errors.filter(
    (e) => e !== c && !isComposite(e) && e.instancePath === c.instancePath && (inside(e) || !isSibling(e)),
  );
  for (const e of branchErrors) consumed.add(e);
  const deeper = errors.some((e) => e.instancePath.startsWith(`${c.instancePath}/`));
  const siblings = errors.some(
    (e) => e !== c && !isComposite(e) && e.instancePath === c.instancePath && !branchErrors.includes(e),
  );
  // The forms on offer: branches that each require one key (the rule operators), else what failed.
  const branches = Array.isArray(c.schema) ? (c.schema as Array<{ required?: string[] }>) : [];
  const keyOf = (b: { required?: string[] } | undefined) =>
    b?.required?.length === 1 ? b.required[0] : undefined;
  const declared = branches.map(keyOf).filter((k): k is string => k !== undefined);
  const forms =
    declared.length === branches.length && declared.length > 0
      ? declared
      : [
          ...new Set(
            branchErrors
              .filter((e) => e.keyword === 'required')
              .map((e) => String((e.params as { missingProperty: unknown }).missingProperty)),
          ),
        ];
  const allowed = new Set([
    ...propertyNames(c.parentSchema),
    ...branches.flatMap(propertyNames),
    ...forms,
    ...branchErrors
      .filter((e) => e.keyword === 'additionalProperties')
      .flatMap((e) => propertyNames(e.parentSchema)),
  ]);
  const unknown = [
    ...new Set(
      branchErrors
        .filter((e) => e.keyword === 'additionalProperties')
        .map((e) => String((e.params as { additionalProperty: unknown }).additionalProperty))
        .filter((name) => !allowed.has(name)),
    ),
  ];
  const path = pathOf(c.instancePath);
  const where = describe(path);
  if (unknown.length > 0) {
    return unknown.map((name) =>
      problem(
        'SCHEMA',
        { file: source.file, ...locate(source, [...path, name], true) },
        `unknown property "${name}" in ${where}`,
        didYouMean(name, [...allowed]),
      ),
    );
  }
  if (deeper || siblings) return [];
  const at = { file: source.file, ...locate(source, path) };
  const passing = (c.params as { passingSchemas?: number[] | null }).passingSchemas;
  if (c.keyword === 'oneOf' && passing) {
    const both = passing.map((n) => keyOf(branches[n]) ?? `form ${n + 1}`);
    return [
      problem(
        'SCHEMA',
        at,
        `${where} has both ${both.join(' and ')}`,
        'a rule has one operator; put several rules inside all or any',
      ),
    ];
  }
  const types = [
    ...new Set(
      branchErrors
        .filter((e) => e.keyword === 'type')
        .map((e) => String((e.params as { type: unknown }).type).replace(/,/g, ' or ')),
    ),
  ];
  const shapes = [...types, ...(forms.length > 0 ? [`an object with one of: ${forms.join(', ')}`] : [])];
  return [
    problem(
      'SCHEMA',
      at,
      `${where} must be ${shapes.length > 0 ? shapes.join(', or ') : 'one of the allowed forms'}`,
    ),
  ];
}

/** ajv's errors as problems: composite (oneOf/anyOf) failures first, each summed up once. */
function explainErrors(source: SourceFile, errors: ErrorObject[]): Problem[] {
  const consumed = new Set<ErrorObject>();
  const problems: Problem[] = [];
  // Outer composites first, so an inner one's branch errors are not claimed twice.
  const composites = errors.filter(isComposite).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const c of composites)
    if (!consumed.has(c)) problems.push(...explainComposite(source, c, errors, consumed));
  for (const error of errors) {
    if (consumed.has(error) || isComposite(error)) continue;
    const made = toProblem(source, error);
    if (made) problems.push(made);
  }
  return problems;
}

/** Checks "$schema", then the file against its schema. Returns the problems (none when valid). */
export function validateSource(kind: FileKind, source: SourceFile): Problem[] {
  const problems: Problem[] = [];
  const value = source.value as { $schema?: unknown } | null;
  const expected = expectedSchemaRef(kind);
  const named = value !== null && typeof value === 'object' ? value.$schema : undefined;
  if (typeof named !== 'string' || !named.endsWith(layoutOf(kind).schema)) {
    const at = typeof named === 'string' ? locate(source, ['$schema']) : { line: 1, col: 1 };
    const message =
      typeof named === 'string'
        ? `"$schema" is ${valueText(named)}, but files here follow ${layoutOf(kind).schema}`
        : '"$schema" is missing';
    problems.push(problem('SCHEMA_NAME', { file: source.file, ...at }, message, `"$schema": "${expected}"`));
  }
  const validate = validators().get(kind);
  if (validate && !validate(source.value)) {
    const seen = new Set<string>();
    for (const made of explainErrors(source, validate.errors ?? [])) {
      const key = `${made.line}:${made.col}:${made.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(made);
    }
  }
  return problems;
}
