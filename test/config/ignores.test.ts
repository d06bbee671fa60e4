import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ignoreMatcher, patternProblem } from '../../server/src/engine/ignores';
import { parseConfig } from '../../server/src/engine/config';
import { RULE_IDS } from '../../server/src/engine/configFile';

const ROOT = path.resolve('/proj');
const at = (rel: string) => path.join(ROOT, ...rel.split('/'));

describe('ignores: the project file\'s patterns of files not to lint', () => {
  const cases: { pattern: string; ignored: string[]; kept: string[] }[] = [
    // a name without a slash: at any depth, a file or a folder and everything in it
    { pattern: 'references', ignored: ['references/res1.itures', 'wtsa/references/res2.itures', 'references'], kept: ['references.itures', 'drafts/res.itures'] },
    { pattern: '*.old.itures', ignored: ['a.old.itures', 'drafts/b.old.itures'], kept: ['a.itures', 'old.itures.txt'] },
    // a trailing slash: a folder only
    { pattern: 'archive/', ignored: ['archive/res.itures', 'x/archive/y/res.itures'], kept: ['archive.itures'] },
    // a slash inside: from the project file's folder
    { pattern: 'drafts/old/*.itures', ignored: ['drafts/old/a.itures'], kept: ['x/drafts/old/a.itures', 'drafts/a.itures'] },
    { pattern: './drafts/old', ignored: ['drafts/old/a.itures', 'drafts/old/b/c.itures'], kept: ['drafts/a.itures'] },
    // a leading slash: at the project file's folder only
    { pattern: '/top.itures', ignored: ['top.itures'], kept: ['sub/top.itures'] },
    { pattern: '**/{wtsa,pp}-*.itures', ignored: ['wtsa-24.itures', 'a/pp-22.itures'], kept: ['wtdc-22.itures'] },
    { pattern: '.hidden/', ignored: ['.hidden/a.itures'], kept: ['hidden/a.itures'] },
  ];
  for (const c of cases) {
    it(`${c.pattern}: ignores ${c.ignored.join(', ')}; keeps ${c.kept.join(', ')}`, () => {
      const isIgnored = ignoreMatcher([c.pattern], ROOT);
      for (const f of c.ignored) assert.equal(isIgnored(at(f)), true, f);
      for (const f of c.kept) assert.equal(isIgnored(at(f)), false, f);
    });
  }

  it('never ignores a file outside the project file\'s folder, nor the folder itself', () => {
    const isIgnored = ignoreMatcher(['**'], ROOT);
    assert.equal(isIgnored(at('a.itures')), true);
    assert.equal(isIgnored(path.resolve('/elsewhere/a.itures')), false);
    assert.equal(isIgnored(ROOT), false);
    assert.equal(ignoreMatcher([], ROOT)(at('a.itures')), false);
  });

  it('reports a pattern it cannot read or an ignores that is not a list of patterns; the good ones still apply', () => {
    assert.equal(patternProblem('archive/'), null);
    assert.equal(patternProblem('drafts/[a-'), 'a "]" is missing');
    assert.equal(patternProblem('  '), 'an empty pattern matches nothing');
    const { config, problems } = parseConfig(JSON.stringify({ ignores: ['archive/', 'drafts/[a-', ''] }), RULE_IDS);
    assert.deepEqual(config.ignores, ['archive/']);
    assert.deepEqual(
      problems.map((p) => p.message),
      ['ignores: "drafts/[a-" is not a pattern that can be read: a "]" is missing', 'ignores: "" is not a pattern that can be read: an empty pattern matches nothing'],
    );
    assert.deepEqual(parseConfig(JSON.stringify({ ignores: 'archive' }), RULE_IDS).problems.map((p) => p.message), ['"ignores" must be an array of glob patterns']);
    assert.deepEqual(parseConfig(JSON.stringify({ ignore: ['archive'] }), RULE_IDS).problems.map((p) => p.message), ['unknown key "ignore" (did you mean "ignores"?)']);
  });
});
