import { describe, expect, it } from 'vitest';
import { menuLayout } from './menu-layout';

const entry = (name: string, group?: 'administration') => ({ name, group });
const names = (places: ReturnType<typeof menuLayout<ReturnType<typeof entry>>>) =>
  places.map((place) => (place.kind === 'entry' ? place.entry.name : `${place.group}[${place.entries.map((e) => e.name).join(',')}]`));

describe('menuLayout', () => {
  it("puts a group's entries in one dropdown where its last entry is, keeping the others in order", () => {
    const entries = [entry('territory'), entry('zonings', 'administration'), entry('needs'), entry('users', 'administration'), entry('jobs', 'administration'), entry('about')];
    expect(names(menuLayout(entries))).toEqual(['territory', 'needs', 'administration[zonings,users,jobs]', 'about']);
  });

  it("keeps a group's only visible entry in the menu itself: no dropdown of one", () => {
    expect(names(menuLayout([entry('territory'), entry('zonings', 'administration'), entry('about')]))).toEqual(['territory', 'zonings', 'about']);
  });
});
