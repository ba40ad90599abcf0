import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { ZProposal } from '../../../common/contracts/matching';
import type { TProject } from '../../../common/contracts/projects';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { api } from '../../app/api-client';
import { paths } from '../../app/paths';
import { isDistrictCoordinator, isPlatformAdmin } from '../../app/access';
import { useSession } from '../../app/session';
import { districtsQuery } from '../districts';
import { ProjectFields, projectFieldProblems, type ProjectFieldValues } from './project-fields';
import { SectionForm } from '../../ui/printable-section';
import { projectPaths } from './project-paths';
import { createProject, createProjectFromProposal } from './projects.queries';

const EMPTY: ProjectFieldValues = { title: '', summary: '', strands: [], targetGroups: [], startOn: '', endOn: '' };

/** A new project: from a shared-service proposal (its organizations and group carried over) or from scratch. */
export function NewProjectPage() {
  const { t } = useTranslation('projects');
  const { t: tCommon } = useTranslation();
  const [params] = useSearchParams();
  const proposalId = params.get('proposta');
  const title = proposalId ? t('new.fromProposalTitle') : t('new.title');
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title'), to: projectPaths.list }, { label: title }]}
        lead={proposalId ? t('new.fromProposalLead') : t('new.lead')}
      />
      {proposalId ? <FromProposalForm proposalId={proposalId} /> : <NewProjectForm />}
    </>
  );
}

function useOpenProject() {
  const navigate = useNavigate();
  return (project: TProject) => void navigate(projectPaths.project(project.id));
}

function FromProposalForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('projects');
  const openProject = useOpenProject();
  const proposal = useQuery({
    queryKey: ['matching', 'proposal', proposalId],
    queryFn: ({ signal }) => api.get(`/api/matching/proposals/${encodeURIComponent(proposalId)}`, ZProposal, { signal }),
  });
  const [values, setValues] = useState<ProjectFieldValues | null>(null);
  const [isChecked, setChecked] = useState(false);
  const create = useMutation({ mutationFn: createProjectFromProposal, onSuccess: openProject });
  if (proposal.isPending) return <Loading />;
  if (proposal.isError) return <ApiErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} />;
  const current = values ?? { ...EMPTY, title: proposal.data.title, strands: ['services'] };
  const organizations = [...new Set(proposal.data.parties.map((party) => party.organizationName))];
  return (
    <SectionForm
      id="from-proposal-form"
      title={t('new.fromProposalForm', { proposal: proposal.data.title })}
      onSubmit={() => {
        setChecked(true);
        if (Object.keys(projectFieldProblems(current)).length > 0) return;
        create.mutate({ proposalId, title: current.title.trim(), strands: current.strands });
      }}
    >
      <p>{t('new.carriedOver', { zone: proposal.data.zoneLabel })}</p>
      <ul>
        {organizations.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <ProjectFields idPrefix="from-proposal" values={current} onChange={setValues} showProblems={isChecked} />
      {create.isError && <ApiErrorAlert error={create.error} />}
      <Button type="submit" color="primary" disabled={create.isPending}>
        {t('new.startFromProposal')}
      </Button>
    </SectionForm>
  );
}

function NewProjectForm() {
  const { t } = useTranslation('projects');
  const { session } = useSession();
  const openProject = useOpenProject();
  const districts = useQuery(districtsQuery);
  const [values, setValues] = useState<ProjectFieldValues>(EMPTY);
  const [districtIds, setDistrictIds] = useState<string[]>([]);
  const [isChecked, setChecked] = useState(false);
  const create = useMutation({ mutationFn: createProject, onSuccess: openProject });
  const choosable = (districts.data ?? []).filter((district) => isPlatformAdmin(session) || isDistrictCoordinator(session, district.id));
  return (
    <SectionForm
      id="new-project-form"
      title={t('new.formTitle')}
      onSubmit={() => {
        setChecked(true);
        if (Object.keys(projectFieldProblems(values)).length > 0 || districtIds.length === 0) return;
        create.mutate({ ...values, title: values.title.trim(), districtIds, startOn: values.startOn || null, endOn: values.endOn || null });
      }}
    >
      <fieldset className="mb-3">
        <legend className="h6">{t('form.districts')}</legend>
        {districts.isPending && <Loading />}
        {choosable.length === 0 && districts.data && <p>{t('new.noDistrict')}</p>}
        {choosable.map((district) => (
          <div className="form-check" key={district.id}>
            <input
              id={`new-project-district-${district.id}`}
              type="checkbox"
              className="form-check-input"
              checked={districtIds.includes(district.id)}
              onChange={(event) => setDistrictIds((current) => (event.target.checked ? [...current, district.id] : current.filter((id) => id !== district.id)))}
            />
            <label htmlFor={`new-project-district-${district.id}`} className="form-check-label">
              {district.name}
            </label>
          </div>
        ))}
        {isChecked && districtIds.length === 0 && <div className="invalid-feedback d-block">{t('form.problems.districtRequired')}</div>}
      </fieldset>
      <ProjectFields idPrefix="new-project" values={values} onChange={setValues} showProblems={isChecked} />
      {create.isError && <ApiErrorAlert error={create.error} />}
      <Button type="submit" color="primary" disabled={create.isPending}>
        {t('new.create')}
      </Button>
    </SectionForm>
  );
}
