import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import type { TNeed } from '../../../common/contracts/needs';
import { TARGET_GROUPS, type TargetGroup } from '../../../common/domain/services';
import type { TProject } from '../../../common/contracts/projects';
import { PROJECT_ANSWERING_STATUSES } from '../../../common/domain/projects';
import { DataTable } from '../../ui/data-table';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { formatNumber } from '../../app/format';
import { paths } from '../../app/paths';
import { SelectField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { needsListQuery, useCategoryLabel } from '../needs';
import { linkableNeeds } from './project-form-rules';
import { PrintableSection, SectionForm } from '../../ui/printable-section';
import { answerNeed, linkNeed, unlinkNeed } from './projects.queries';
import { useProjectMutation } from './use-project-mutation';
import { useProjectLabels } from './use-project-labels';

type NeedLink = TProject['needLinks'][number];
type GroupLink = TProject['groupLinks'][number];

/** The needs of the register and the gaps (zone × category × target group) the project answers; a running project marks needs answered. */
export function ProjectNeedsSection({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const answer = useProjectMutation(project.id, (needId: string) => answerNeed(project.id, needId));
  const unlink = useProjectMutation(project.id, (needId: string) => unlinkNeed(project.id, needId));
  const categoryOf = useCategoryText();
  const canAnswer = project.access.canEdit && PROJECT_ANSWERING_STATUSES.includes(project.status);
  return (
    <PrintableSection id="project-needs" title={t('needs.title')}>
      <DataTable
        caption={t('needs.groupsCaption')}
        columns={[
          { key: 'zone', header: t('needs.zone'), isRowHeader: true, cell: (link: GroupLink) => link.zoneLabel },
          { key: 'category', header: t('needs.category'), cell: (link) => categoryOf(link) },
          { key: 'group', header: t('needs.targetGroup'), cell: (link) => (link.targetGroup ? labels.targetGroup(link.targetGroup) : t('needs.anyGroup')) },
          { key: 'proposal', header: t('needs.proposal'), cell: (link) => (link.proposalId ? <Link to={`${paths.matching}/proposte/${encodeURIComponent(link.proposalId)}`}>{t('needs.openProposal')}</Link> : '—') },
        ]}
        rows={project.groupLinks}
        rowKey={(link) => link.id}
        emptyText={t('needs.noGroups')}
      />
      <DataTable
        caption={t('needs.needsCaption')}
        columns={[
          { key: 'category', header: t('needs.category'), isRowHeader: true, cell: (link: NeedLink) => categoryOf(link) },
          { key: 'group', header: t('needs.targetGroup'), cell: (link) => labels.targetGroup(link.targetGroup) },
          { key: 'municipality', header: t('needs.municipality'), cell: (link) => link.municipalityName },
          { key: 'people', header: t('needs.people'), isNumeric: true, cell: (link) => formatNumber(link.peopleCount, labels.language) },
          {
            key: 'answered',
            header: t('needs.answered'),
            cell: (link) =>
              link.answeredByProject ? t('needs.answeredYes') : canAnswer ? (
                <Button size="xs" color="primary" outline disabled={answer.isPending} onClick={() => answer.mutate(link.needId)}>
                  {t('needs.markAnswered', { municipality: link.municipalityName })}
                </Button>
              ) : t('needs.answeredNo'),
          },
          ...(project.access.canEdit
            ? [
                {
                  key: 'unlink',
                  header: t('needs.actions'),
                  cell: (link: NeedLink) =>
                    link.answeredByProject ? '—' : (
                      <Button size="xs" color="danger" outline disabled={unlink.isPending} onClick={() => unlink.mutate(link.needId)}>
                        {t('needs.unlink', { need: `${categoryOf(link)}, ${link.municipalityName}` })}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
        rows={project.needLinks}
        rowKey={(link) => link.needId}
        emptyText={t('needs.noNeeds')}
      />
      {answer.isError && <ApiErrorAlert error={answer.error} />}
      {unlink.isError && <ApiErrorAlert error={unlink.error} />}
      {project.access.canEdit && <LinkNeedForm project={project} />}
    </PrintableSection>
  );
}

/** Search the register of the project's districts and link a need (the lead and the coordinators). */
function LinkNeedForm({ project }: { project: TProject }) {
  const { t } = useTranslation('projects');
  const labels = useProjectLabels();
  const categories = useCategoryLabel();
  const categoryOf = useCategoryText();
  const [districtId, setDistrictId] = useState(project.districts[0]?.id ?? '');
  const [categoryCode, setCategoryCode] = useState('');
  const [targetGroup, setTargetGroup] = useState<TargetGroup | ''>('');
  const [search, setSearch] = useState<{ districtId: string; categoryCode?: string; targetGroup?: TargetGroup } | null>(null);
  const needs = useInfiniteQuery({ ...needsListQuery(search ?? { districtId }), enabled: search !== null });
  const link = useProjectMutation(project.id, (needId: string) => linkNeed(project.id, needId));
  const found = needs.data?.pages.flatMap((page) => page.items) ?? [];
  const candidates = linkableNeeds(found, project);
  const scope = needs.data?.pages[0]?.scope;
  return (
    <SectionForm
      id="link-need-form"
      title={t('needs.linkTitle')}
      onSubmit={() => setSearch({ districtId, ...(categoryCode ? { categoryCode } : {}), ...(targetGroup ? { targetGroup } : {}) })}
    >
      <div className="row g-2">
        {project.districts.length > 1 && (
          <SelectField id="link-need-district" label={t('needs.district')} value={districtId} onChange={(event) => setDistrictId(event.target.value)} className="col-md-4">
            {project.districts.map((district) => (
              <option key={district.id} value={district.id}>
                {district.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField id="link-need-category" label={t('needs.category')} value={categoryCode} onChange={(event) => setCategoryCode(event.target.value)} className="col-md-4">
          <option value="">{t('needs.anyCategory')}</option>
          {categories.terms.map((term) => (
            <option key={term.code} value={term.code}>
              {categories.label(term.code)}
            </option>
          ))}
        </SelectField>
        <SelectField id="link-need-target-group" label={t('needs.targetGroup')} value={targetGroup} onChange={(event) => setTargetGroup(event.target.value as TargetGroup | '')} className="col-md-4">
          <option value="">{t('needs.anyGroup')}</option>
          {TARGET_GROUPS.map((code) => (
            <option key={code} value={code}>
              {labels.targetGroup(code)}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" color="primary" outline disabled={needs.isFetching}>
        {t('needs.search')}
      </Button>
      {search !== null && needs.isPending && <Loading />}
      {needs.isError && <ApiErrorAlert error={needs.error} />}
      {search !== null && needs.data && (
        <div className="mt-3">
          {scope === 'own' && <p className="small">{t('needs.ownOnly')}</p>}
          <DataTable
            caption={t('needs.foundCaption')}
            columns={[
              { key: 'category', header: t('needs.category'), isRowHeader: true, cell: (need: TNeed) => categoryOf(need) },
              { key: 'group', header: t('needs.targetGroup'), cell: (need) => labels.targetGroup(need.targetGroup) },
              { key: 'municipality', header: t('needs.municipality'), cell: (need) => need.municipalityName },
              { key: 'people', header: t('needs.people'), isNumeric: true, cell: (need) => formatNumber(need.peopleCount, labels.language) },
              { key: 'status', header: t('needs.needStatus'), cell: (need) => t(`needStatuses.${need.status}`, { defaultValue: t('unknownValue') }) },
              {
                key: 'link',
                header: t('needs.actions'),
                cell: (need) => (
                  <Button size="xs" color="primary" outline disabled={link.isPending} onClick={() => link.mutate(need.id)}>
                    {t('needs.link', { need: `${categoryOf(need)}, ${need.municipalityName}` })}
                  </Button>
                ),
              },
            ]}
            rows={candidates}
            rowKey={(need) => need.id}
            emptyText={t('needs.noneFound')}
          />
          {needs.hasNextPage && (
            <Button color="secondary" outline size="sm" disabled={needs.isFetchingNextPage} onClick={() => void needs.fetchNextPage()}>
              {t('needs.more')}
            </Button>
          )}
        </div>
      )}
      {link.isError && <ApiErrorAlert error={link.error} />}
    </SectionForm>
  );
}

/** A category in words: the taxonomy speaks the reader's language; the server's label (Italian) covers a code the taxonomy lost. */
function useCategoryText() {
  const { t } = useTranslation('projects');
  const categories = useCategoryLabel();
  return (row: { categoryCode: string; categoryLabel: string | null }) =>
    categories.terms.some((term) => term.code === row.categoryCode) ? categories.label(row.categoryCode) : (row.categoryLabel ?? t('unknownValue'));
}
