import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseConfig } from '../../server/src/engine/config';
import { RULE_IDS } from '../../server/src/engine/configFile';
import { buildSchema, settingsRulesSchema } from '../../scripts/gen-schema';
import { lintText } from '../../server/src/engine';

const ROOT = path.join(__dirname, '..', '..');

describe('configuration', () => {
  it('the committed JSON schema and the settings in package.json match the rule registry', () => {
    assert.deepEqual(JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'reslintrc.schema.json'), 'utf8')), buildSchema());
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration.properties['itu-resolution.rules'], settingsRulesSchema());
    assert.ok(pkg.contributes.jsonValidation.some((j: { fileMatch: string[]; url: string }) => j.fileMatch.includes('.reslintrc.json') && j.url === './schemas/reslintrc.schema.json'));
  });

  it('the schema accepts what the engine accepts and rejects what it reports', () => {
    const validate = new Ajv({ strict: false }).compile(buildSchema());
    const good = { rules: { 'clause-ending': 'warning', 'oxford-spelling': ['info', { allow: ['program'] }], 'no-double-space': 'off' }, references: ['../wtsa24'], noExpansion: ['ICT'], ignores: ['archive/', '*.old.itures'] };
    assert.ok(validate(good), JSON.stringify(validate.errors));
    assert.deepEqual(parseConfig(JSON.stringify(good), RULE_IDS).problems, []);
    for (const bad of [{ rules: { 'no-such-rule': 'error' } }, { rules: { 'clause-ending': 'loud' } }, { colour: 'blue' }, { references: 'folder' }, { ignores: 'archive' }, { ignores: [''] }]) {
      assert.equal(validate(bad), false, JSON.stringify(bad));
      assert.ok(parseConfig(JSON.stringify(bad), RULE_IDS).problems.length > 0, JSON.stringify(bad));
    }
  });

  it('a broken file is reported and every valid part still applies', () => {
    const { config, problems } = parseConfig('{\n  // comments are allowed\n  "rules": { "clause-ending": "off", "label-style": "loud", },\n  "references": [1]\n', RULE_IDS);
    assert.deepEqual(config.rules['clause-ending'], { severity: 'off' });
    assert.equal(config.rules['label-style'], undefined);
    const messages = problems.map((p) => p.message);
    assert.ok(messages.some((m) => /label-style.*loud/.test(m)));
    assert.ok(messages.some((m) => /references/.test(m)));
    assert.ok(messages.some((m) => /JSON syntax error/.test(m)));
  });

  it('suggests the name a misspelt key, rule or severity most likely meant', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({
        refrences: ['refs'],
        noExpansions: ['ICT'],
        colour: 'blue',
        rules: { 'citaton-format': 'off', 'body-name': 'warn', 'no-double-space': { severity: 'err' }, 'clause-ending': 'eror', 'label-style': 'loud', zzz: 'off' },
      }),
      RULE_IDS,
    );
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'unknown key "refrences" (did you mean "references"?)',
        'unknown key "noExpansions" (did you mean "noExpansion"?)',
        'unknown key "colour"',
        'unknown rule "citaton-format" (did you mean "citation-format"?)',
        'rule "body-name": unknown severity "warn" (did you mean "warning"? use error, warning, info, hint or off)',
        'rule "no-double-space": unknown severity "err" (did you mean "error"? use error, warning, info, hint or off)',
        'rule "clause-ending": unknown severity "eror" (did you mean "error"? use error, warning, info, hint or off)',
        'rule "label-style": unknown severity "loud" (use error, warning, info, hint or off)',
        'unknown rule "zzz"',
      ],
    );
    // nothing is guessed into the configuration: the defaults apply
    assert.deepEqual(config.rules, {});
    assert.deepEqual(config.references, []);
  });

  it('severities and off change what the engine reports', () => {
    const text = readFileSync(path.join(ROOT, '..', 'shared', 'corpus', 'res92-hammamet-2016.txt'), 'utf8');
    const on = lintText(text, { config: parseConfig('{"rules":{"no-space-before-punctuation":"error"}}', RULE_IDS).config }).findings;
    assert.deepEqual(on.map((f) => f.severity), ['error']);
    const off = lintText(text, { config: parseConfig('{"rules":{"no-space-before-punctuation":"off"}}', RULE_IDS).config }).findings;
    assert.deepEqual(off, []);
  });
});
