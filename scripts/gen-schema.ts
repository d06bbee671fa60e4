/**
 * Writes schemas/reslintrc.schema.json (the project file's JSON schema, contributed to
 * VS Code so that .reslintrc.json completes and validates) and the rules part of the
 * extension's settings in package.json, from the rule registry. `--check` only compares.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/rules';

const ROOT = path.join(__dirname, '..');

export function ruleSettingSchema(defaultSeverity: string, description: string): Record<string, unknown> {
  return {
    description: `${description} (default: ${defaultSeverity})`,
    oneOf: [
      { $ref: '#/definitions/severity' },
      {
        type: 'array',
        items: [{ $ref: '#/definitions/severity' }, { type: 'object', description: 'options of the rule' }],
        minItems: 1,
        maxItems: 2,
      },
    ],
  };
}

export function buildSchema(): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const r of RULES) rules[r.id] = ruleSettingSchema(r.defaultSeverity, r.description);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'reslintrc.schema.json',
    title: 'reslint project file (.reslintrc.json)',
    description: 'Configuration of the ITU resolution linter for a folder and the folders below it.',
    type: 'object',
    definitions: {
      severity: { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'], description: 'how findings of the rule are reported, or off' },
    },
    properties: {
      $schema: { type: 'string' },
      rules: { type: 'object', description: 'severity (and options) per rule', properties: rules, additionalProperties: false },
      references: { type: 'array', items: { type: 'string' }, description: 'folders and files of reference texts, plain text or Word .docx (relative to this file), for example the resolutions of the last assembly' },
      noExpansion: { type: 'array', items: { type: 'string' }, description: 'abbreviations that need no expansion at their first use' },
      ignores: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description:
          'glob patterns of files not to lint, relative to this file, read as .gitignore reads them: a name without a slash (archive, *.old.itures) matches at any depth, a folder everything in it; reslint --no-ignore lints them anyway',
      },
    },
    additionalProperties: false,
  };
}

export function settingsRulesSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const r of RULES)
    properties[r.id] = { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'], description: `${r.description} (default: ${r.defaultSeverity})` };
  return {
    type: 'object',
    default: {},
    markdownDescription: 'Severity per rule (`error`, `warning`, `info`, `hint` or `off`), over the project file `.reslintrc.json`. Rule pages: docs/rules.',
    properties,
    additionalProperties: false,
  };
}

function main(): void {
  const check = process.argv.includes('--check');
  const schemaPath = path.join(ROOT, 'schemas', 'reslintrc.schema.json');
  const schemaText = JSON.stringify(buildSchema(), null, 2) + '\n';
  const pkgPath = path.join(ROOT, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.contributes.configuration.properties['itu-resolution.rules'] = settingsRulesSchema();
  const pkgText = JSON.stringify(pkg, null, 2) + '\n';
  if (check) {
    const ok = readFileSync(schemaPath, 'utf8') === schemaText && readFileSync(pkgPath, 'utf8') === pkgText;
    if (!ok) {
      console.error('schemas/reslintrc.schema.json or package.json settings are out of date: run npm run gen:schema');
      process.exit(1);
    }
    return;
  }
  writeFileSync(schemaPath, schemaText);
  writeFileSync(pkgPath, pkgText);
}

if (require.main === module) main();
