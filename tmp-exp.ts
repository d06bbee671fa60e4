import { readFileSync, writeFileSync } from 'node:fs';
import { importDocx } from './server/src/word/import';
import { exportDocx } from './server/src/word/export';
import { parse } from './server/src/parser/parse';
(async () => {
  const imp = await importDocx(readFileSync('/work/shared/corpus/res1-hammamet-2016.docx'));
  writeFileSync('/tmp/lo/res1-export.docx', await exportDocx(parse(imp.text)));
})();
