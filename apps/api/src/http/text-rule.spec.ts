import { firstTextProblem } from './text-rule.pipe';
import { MultiLineText, isMultiLineField, textProblem } from './text-rule';

describe('the text rule', () => {
  it('refuses lone surrogates, high or low, and keeps pairs (emoji)', () => {
    expect(textProblem('\ud800x', false)).toMatch(/surrogate/);
    expect(textProblem('x\udc00', false)).toMatch(/surrogate/);
    expect(textProblem('a\ud800', true)).toMatch(/surrogate/);
    expect(textProblem('Aino 😀 Ääkkönen', false)).toBeUndefined();
  });

  it('refuses C0 and C1 control characters; tabs and line breaks only in multi-line fields', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(textProblem(`a${c}b`, false)).toMatch(/control/);
      expect(textProblem(`a${c}b`, true)).toMatch(/control/);
    }
    for (const c of ['\t', '\n', '\r\n']) {
      expect(textProblem(`a${c}b`, false)).toMatch(/control/);
      expect(textProblem(`a${c}b`, true)).toBeUndefined();
    }
    expect(textProblem('a\u00a0b', false)).toBeUndefined();
  });

  it('names the field of the first string at fault, deep in arrays and objects', () => {
    class Request {
      @MultiLineText() note?: string;
      name?: string;
    }
    const multi = (field: string) => isMultiLineField(Request, field);
    expect(firstTextProblem({ note: 'two\nlines', name: 'one line' }, '', multi)).toBeUndefined();
    expect(firstTextProblem({ note: 'ok', name: 'a\nb' }, '', multi)?.field).toBe('name');
    expect(firstTextProblem({ participants: ['a', '\ud800'] }, '', multi)?.field).toBe('participants[1]');
    expect(firstTextProblem({ note: { inner: 'a\nb' } }, '', multi)?.field).toBe('note.inner');
    expect(firstTextProblem('x\u0000', 'networkId', multi)?.field).toBe('networkId');
  });

  it('finds multi-line fields on the classes a request extends', () => {
    class Base {
      @MultiLineText() note?: string;
    }
    class Derived extends Base {
      @MultiLineText() reason?: string;
    }
    expect([isMultiLineField(Derived, 'note'), isMultiLineField(Derived, 'reason'), isMultiLineField(Base, 'reason'), isMultiLineField(undefined, 'note')]).toEqual([true, true, false, false]);
  });
});
