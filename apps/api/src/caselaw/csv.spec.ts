import { csvDocument, csvField } from './csv';

/** A strict RFC 4180 reader, to check the writer against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV writer', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('تجميد الأصول')).toBe('تجميد الأصول');
  });

  it('keeps formulas from running in spreadsheets', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+33 1')).toBe("'+33 1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('writes a document that a strict reader reads back', () => {
    const rows = [
      ['1', 'a,b', 'x"y', 'multi\nline\r\nrecord'],
      ['2', '', 'ملخص', 'plain'],
    ];
    const text = csvDocument(['id', 'one', 'two', 'three'], rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([['id', 'one', 'two', 'three'], ...rows]);
  });
});
