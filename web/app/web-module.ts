import type { ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { TSessionResponse } from '../../common/contracts/auth';

/**
 * A page of a web module: `path` as react-router takes it under `/` (Italian, like every address), or `index` for
 * `/` itself. Pages are `React.lazy` components, so each is its own chunk fetched on the first visit (the layout's
 * Suspense shows the loading state meanwhile).
 */
export type WebRoute = { path: string; page: ComponentType } | { index: true; page: ComponentType };

/** An entry of the main navigation; the menu shows the entries in the registry's order of modules. */
export interface WebNavigationEntry {
  to: string;
  /** The entry's text, from the module's namespace or the shell's; the return type is written so no page's type waits for the resources'. */
  label: (t: TFunction) => string;
  /** Who sees the entry (web/app/access.ts). It only hides what would fail: the page and the server check again. */
  isVisible: (session: TSessionResponse) => boolean;
  /** Shown after the label, e.g. a count that needs attention (its own query; it renders nothing when there is none). */
  badge?: ComponentType;
  /**
   * The menu's group the entry goes in (a dropdown of the main navigation, so the menu keeps to one row): when a person
   * sees two entries of a group or more, they are in its dropdown, placed where the group's last entry would be; a
   * single one stays in the menu itself.
   */
  group?: NavigationGroup;
}

/** The main navigation's dropdowns; each has its label at `nav.groups.<group>` in the shell's texts. */
export type NavigationGroup = 'collaboration' | 'administration';

/** A module's texts: one i18next namespace in both languages (a test checks they have the same keys and placeholders). */
export interface WebModuleTranslations {
  readonly namespace: string;
  readonly it: object;
  readonly en: object;
}

/**
 * What a web module contributes to the app (its manifest, `web/modules/<m>/<m>.web-module.ts`): web/app/web-modules.ts
 * lists every manifest, and the router, the navigation and i18n are composed from that list, so adding a module
 * touches only its folder and that list.
 *
 * A manifest is declared with its translations' type (`WebModule<typeof translations>`) rather than inferred, so the
 * resources' type (web/app/i18n/i18next.d.ts, computed from the list) never depends on the labels that use it.
 */
export interface WebModule<Translations extends WebModuleTranslations = never> {
  name: string;
  routes: readonly WebRoute[];
  navigation?: readonly WebNavigationEntry[];
  translations?: Translations;
}
