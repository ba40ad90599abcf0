import { lazy } from 'react';
import { isSignedIn } from '../../app/access';
import type { WebModule } from '../../app/web-module';
import { groupsPaths } from './groups-paths';
import it from './i18n/it.json';
import en from './i18n/en.json';

const MyGroupsPage = lazy(() => import('./my-groups-page').then((m) => ({ default: m.MyGroupsPage })));
const DistrictGroupsPage = lazy(() => import('./district-groups-page').then((m) => ({ default: m.DistrictGroupsPage })));
const GroupCreatePage = lazy(() => import('./group-form-page').then((m) => ({ default: m.GroupCreatePage })));
const GroupEditPage = lazy(() => import('./group-form-page').then((m) => ({ default: m.GroupEditPage })));
const GroupPage = lazy(() => import('./group-page').then((m) => ({ default: m.GroupPage })));
const MeetingCreatePage = lazy(() => import('./meeting-form-page').then((m) => ({ default: m.MeetingCreatePage })));
const MeetingEditPage = lazy(() => import('./meeting-form-page').then((m) => ({ default: m.MeetingEditPage })));
const MeetingPage = lazy(() => import('./meeting-page').then((m) => ({ default: m.MeetingPage })));

const translations = { namespace: 'groups', it, en } as const;

export const groupsWebModule: WebModule<typeof translations> = {
  name: 'groups',
  translations,
  routes: [
    { path: 'tavoli', page: MyGroupsPage },
    { path: 'tavoli/:groupId', page: GroupPage },
    { path: 'tavoli/:groupId/modifica', page: GroupEditPage },
    { path: 'tavoli/:groupId/riunioni/nuova', page: MeetingCreatePage },
    { path: 'distretti/:districtId/tavoli', page: DistrictGroupsPage },
    { path: 'distretti/:districtId/tavoli/nuovo', page: GroupCreatePage },
    { path: 'riunioni/:meetingId', page: MeetingPage },
    { path: 'riunioni/:meetingId/modifica', page: MeetingEditPage },
  ],
  navigation: [{ to: groupsPaths.mine, label: (t): string => t('navLabel', { ns: 'groups' }), isVisible: isSignedIn, group: 'collaboration' }],
};
