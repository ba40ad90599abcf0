import type { NavigationGroup, WebNavigationEntry } from '../web-module';

/** One place of the main navigation: an entry, or a group's dropdown with its entries. */
export type MenuPlace<Entry> = { kind: 'entry'; entry: Entry } | { kind: 'group'; group: NavigationGroup; entries: Entry[] };

/**
 * The menu's places from the entries a person sees, in their order: the entries of a group the person sees two of or
 * more go in its dropdown, placed where the group's last entry is; a group's single entry stays an entry.
 */
export function menuLayout<Entry extends Pick<WebNavigationEntry, 'group'>>(entries: readonly Entry[]): MenuPlace<Entry>[] {
  const byGroup = new Map<NavigationGroup, Entry[]>();
  for (const entry of entries) if (entry.group) byGroup.set(entry.group, [...(byGroup.get(entry.group) ?? []), entry]);
  const places: MenuPlace<Entry>[] = [];
  for (const entry of entries) {
    const members = entry.group ? byGroup.get(entry.group)! : [];
    if (members.length < 2) places.push({ kind: 'entry', entry });
    else if (members.at(-1) === entry) places.push({ kind: 'group', group: entry.group!, entries: members });
  }
  return places;
}
