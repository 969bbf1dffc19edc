/**
 * Given/when/then for deciders, with no framework: given past events, when a command is decided,
 * then these new events (or this error). After Oskar Dudycz's `DeciderSpecification`.
 */
export interface TestDecider<Command, Event, State> {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

export const DeciderSpecification = {
  for<Command, Event, State>(decider: TestDecider<Command, Event, State>) {
    return (given: Event[]) => ({
      when: (command: Command) => {
        const decide = () => decider.decide(command, given.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: Event[]) => expect(decide()).toEqual(expected),
          thenNothingHappens: () => expect(decide()).toEqual([]),
          /** Asserts the error's class and, optionally, fields it must carry (code, problems…). */
          thenThrows: (errorClass: new (...args: never[]) => Error, shape?: Record<string, unknown>) => {
            let thrown: unknown;
            try {
              decide();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(errorClass);
            if (shape) expect(thrown).toMatchObject(shape);
          },
        };
      },
    });
  },
};
