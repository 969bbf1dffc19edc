import { sliderSteps } from './steps';

it('steps by month from the founding to today, today last', () => {
  expect(sliderSteps('2024-01-31T10:00:00Z', '2024-04-15', 'month')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-15']);
});

it('steps by week and does not repeat today when a step lands on it', () => {
  expect(sliderSteps('2024-01-01', '2024-01-15', 'week')).toEqual(['2024-01-01', '2024-01-08', '2024-01-15']);
});

it('has one stop when the network was founded today', () => {
  expect(sliderSteps('2024-05-05T00:00:00Z', '2024-05-05', 'week')).toEqual(['2024-05-05']);
});
