import { expect, test } from 'vitest';
import { groupDaysByMonth } from '../../src/features/archive/day-volume';
import { readDateArchivePath } from '../../src/shared/paths';

test('day counts become whole months, newest first, days outside the archive at 0', () => {
  const months = groupDaysByMonth({ first: '2024-01-30', counts: [1, 2, 0, 5] });
  expect(months.map((month) => [month.month, month.days.length, month.total])).toEqual([
    ['2024-02', 29, 5],
    ['2024-01', 31, 3],
  ]);
  expect(months[0]?.days[1]).toEqual({ day: '2024-02-02', count: 5 });
  expect(months[1]?.days.slice(28)).toEqual([
    { day: '2024-01-29', count: 0 },
    { day: '2024-01-30', count: 1 },
    { day: '2024-01-31', count: 2 },
  ]);
  expect(groupDaysByMonth({ first: '', counts: [] })).toEqual([]);
});

test("Jekyll's date archive paths stand for their day, month or year", () => {
  expect(readDateArchivePath('/2022/05/31/')).toEqual({ from: '2022-05-31', to: '2022-05-31' });
  expect(readDateArchivePath('/2022/05/31/index.html')).toEqual({
    from: '2022-05-31',
    to: '2022-05-31',
  });
  expect(readDateArchivePath('/2024/02/')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  expect(readDateArchivePath('/2022/')).toEqual({ from: '2022-01-01', to: '2022-12-31' });
  expect(readDateArchivePath('/2022/13/')).toBeNull();
  expect(readDateArchivePath('/2022/02/30/')).toBeNull();
  expect(readDateArchivePath('/emnews/')).toBeNull();
});
