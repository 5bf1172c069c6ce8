import { describe, expect, it } from 'vitest';
import { memberDateIssues } from './member-dates';

const today = '2026-05-20';
const fields = (dates: Parameters<typeof memberDateIssues>[0]) => memberDateIssues(dates, today).map((i) => i.field);

describe('member dates', () => {
  it('accepts a possible life and empty dates', () => {
    expect(fields({ birthDate: '1980-05-01', joinedOn: '1998-05-01', officialOn: '1999-05-01' })).toEqual([]);
    expect(fields({ birthDate: null, joinedOn: null, officialOn: null })).toEqual([]);
    expect(fields({ birthDate: '1900-01-01', joinedOn: null, officialOn: null })).toEqual([]);
    expect(fields({ birthDate: '2008-05-20', joinedOn: '2026-05-20', officialOn: null })).toEqual([]);
  });
  it('refuses the future, before 1900, admission under 18 or before birth, official before admission', () => {
    expect(fields({ birthDate: '2026-05-21', joinedOn: null, officialOn: null })).toEqual(['birthDate']);
    expect(fields({ birthDate: '1899-12-31', joinedOn: null, officialOn: null })).toEqual(['birthDate']);
    expect(fields({ birthDate: '1980-05-01', joinedOn: '1998-04-30', officialOn: null })).toEqual(['joinedOn']);
    expect(fields({ birthDate: '1980-05-01', joinedOn: '1970-01-01', officialOn: null })).toEqual(['joinedOn']);
    expect(fields({ birthDate: null, joinedOn: '2005-01-01', officialOn: '2004-12-31' })).toEqual(['officialOn']);
  });
  it('counts the 18th birthday of someone born on 29/02 from 28/02 of a common year', () => {
    expect(fields({ birthDate: '1988-02-29', joinedOn: '2006-02-28', officialOn: null })).toEqual([]);
    expect(fields({ birthDate: '1988-02-29', joinedOn: '2006-02-27', officialOn: null })).toEqual(['joinedOn']);
  });
});
