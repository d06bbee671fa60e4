import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { anchoredShape, anchoredShapes } from '../../server/src/util/shapes';
import { parse } from '../../server/src/parser/parse';
import { Analysis } from '../../server/src/analyzer/analysis';
import { resolveCitations } from '../../server/src/analyzer/citations';
import { unitFacts } from '../../server/src/analyzer/texts';
import { lintDocument } from '../../server/src/engine';
import { loadReferenceData } from '../../server/src/data/reference';
import type { Rule, RuleContext } from '../../server/src/rules/types';
import { realTexts } from '../helpers/corpus';

// V8's own test for two objects sharing a hidden class; the flag applies to code compiled after it
setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/**
 * util/shapes.ts: the objects kept to hold the hidden classes of what a lint makes and drops
 * must have the hidden class the real objects end up with; an anchor whose class a later
 * change gave another shape (a field added after construction) would keep the wrong one.
 */
describe('anchored shapes', () => {
  // Res 92 and Res 1: every kind of object below occurs in them
  const text = realTexts().slice(0, 2).join('\n');
  const data = loadReferenceData();
  const doc = parse(text);
  const analysis = new Analysis(doc);
  let ruleContext: RuleContext | null = null;
  const spy: Rule = { id: 'shape-spy', description: 'keeps its context', defaultSeverity: 'hint', tags: [], fixable: false, check: (ctx) => void (ruleContext = ctx) };
  lintDocument(doc, { data, analysis });
  lintDocument(doc, { data, analysis, rules: [spy] });

  const real: [string, () => object | undefined][] = [
    ['analysis.Analysis', () => analysis],
    ['texts.Unit', () => analysis.texts[0]],
    ['memo.TextFacts', () => unitFacts(analysis.texts[0])],
    ['names.PlacedBody', () => analysis.names(data).bodies[0]],
    ['abbreviations.PlacedUse', () => analysis.abbreviations(data).find((r) => r.uses.length)?.uses[0]],
    ['citations.Resolved', () => resolveCitations(analysis, data)],
    ['lint.Context', () => ruleContext ?? undefined],
  ];

  for (const [name, get] of real) {
    it(`${name}: the anchor has the hidden class of the real objects`, () => {
      const anchor = anchoredShape(name);
      assert.ok(anchor, `nothing anchored as ${name}`);
      const obj = get();
      assert.ok(obj, `the lint made no ${name}`);
      assert.ok(sameMap(anchor, obj), `${name}: the anchor's hidden class differs from a real one`);
    });
  }

  it('tells hidden classes apart (the check can fail)', () => {
    assert.ok(!sameMap(anchoredShape('texts.Unit')!, analysis));
    assert.ok(!sameMap(anchoredShape('names.PlacedBody')!, { ...analysis.names(data).bodies[0] }));
  });

  it('anchors every per-lint class, the parser builder and the abbreviation pass included', () => {
    for (const name of ['parser.Builder', 'parser.LinesDocument', 'abbreviations.Pass', 'abbreviations.RawUse', ...real.map(([n]) => n)]) {
      assert.ok(anchoredShapes().includes(name), `${name} is not anchored`);
    }
  });
});
