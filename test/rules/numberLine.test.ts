import { strict as assert } from 'node:assert';
import { parse } from '../../server/src/parser/parse';
import { fixText } from '../../server/src/engine';

const body = ['Revenue and expenses for the Union for the period 2016-2019', 'The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),', 'decides', 'that the Council prepares the budget.'];

describe('number line: Rev. as written, in the model and in the fix', () => {
  const cases: { line: string; revText: string | null; revSpace: string; written: string | null; fixed: string }[] = [
    { line: 'DECISION 5 (Rev. Busan, 2014)', revText: 'Rev.', revSpace: ' ', written: 'Rev. ', fixed: 'DECISION 5 (Rev. Busan, 2014)' },
    { line: 'DECISION 5 (REV. BUSAN, 2014)', revText: 'REV.', revSpace: ' ', written: 'REV. ', fixed: 'DECISION 5 (REV. BUSAN, 2014)' },
    { line: 'DECISION 5 (REV.BUSAN, 2014)', revText: 'REV.', revSpace: '', written: 'REV.', fixed: 'DECISION 5 (REV. BUSAN, 2014)' },
    { line: 'DECISION 5 (Rev  Busan, 2014)', revText: 'Rev', revSpace: '  ', written: 'Rev  ', fixed: 'DECISION 5 (Rev. Busan, 2014)' },
    { line: 'DECISION 5 ( Rev.Busan, 2014)', revText: 'Rev.', revSpace: '', written: 'Rev.', fixed: 'DECISION 5 ( Rev. Busan, 2014)' },
    { line: 'RESOLUTION 28 (REV.WRC-15)', revText: 'REV.', revSpace: '', written: 'REV.', fixed: 'RESOLUTION 28 (REV. WRC-15)' },
    { line: 'DECISION 5 (Busan, 2014)', revText: null, revSpace: '', written: null, fixed: 'DECISION 5 (Busan, 2014)' },
    // a place that starts with the letters of Rev is no Rev.
    { line: 'RESOLUTION 5 (REVAL, 2014)', revText: null, revSpace: '', written: null, fixed: 'RESOLUTION 5 (REVAL, 2014)' },
  ];
  for (const c of cases) {
    it(c.line, () => {
      const m = parse([c.line, ...body].join('\n')).resolutions[0].numberLine.meeting!;
      assert.deepEqual([m.revText, m.revSpace, m.rev], [c.revText, c.revSpace, c.revText !== null]);
      assert.equal(m.revRange ? c.line.slice(m.revRange.start.character, m.revRange.end.character) : null, c.written);
      assert.equal(fixText([c.line, ...body].join('\n')).text.split('\n')[0], c.fixed);
    });
  }
});
