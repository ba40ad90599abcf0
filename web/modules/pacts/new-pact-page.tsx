import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { SelectField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { paths } from '../../app/paths';
import { isDistrictCoordinator, isPlatformAdmin } from '../../app/access';
import { useSession } from '../../app/session';
import { districtsQuery } from '../districts';
import { PactSettingsFields, PactTextFields, pactSettingsProblems, pactTextProblems, type PactProblem, type PactSettingsValues, type PactTextValues } from './pact-fields';
import { PACT_PARAMS, pactPaths } from './pact-paths';
import { createPact, pactQuery } from './pacts.queries';
import { usePactFieldProblems } from './use-pact-field-problems';

const EMPTY_SETTINGS: PactSettingsValues = { title: '', purpose: '', isPublic: false, adhesionNeedsApproval: true };
const EMPTY_TEXT: PactTextValues = { body: '', startsOn: '', endsOn: '' };

/** A new pact of a district the person coordinates: it starts as a draft of version 1. */
export function NewPactPage() {
  const { t } = useTranslation('pacts');
  const { t: tCommon } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const districts = useQuery(districtsQuery);
  const choosable = (districts.data ?? []).filter((district) => isPlatformAdmin(session) || isDistrictCoordinator(session, district.id));
  const [districtId, setDistrictId] = useState(params.get(PACT_PARAMS.districtId) ?? '');
  const [settings, setSettings] = useState(EMPTY_SETTINGS);
  const [text, setText] = useState(EMPTY_TEXT);
  const [isChecked, setChecked] = useState(false);
  const create = useMutation({
    mutationFn: createPact,
    onSuccess: (pact) => {
      queryClient.setQueryData(pactQuery(pact.id).queryKey, pact);
      void queryClient.invalidateQueries({ queryKey: ['pacts', 'list'] });
      void navigate(pactPaths.pact(pact.id));
    },
  });
  const serverProblem = usePactFieldProblems(create.error);
  const effectiveDistrictId = districtId || (choosable.length === 1 ? choosable[0]!.id : '');
  const local: Partial<Record<string, PactProblem>> = isChecked ? { ...pactSettingsProblems(settings), ...pactTextProblems(text), ...(effectiveDistrictId ? {} : { districtId: 'districtId' as const }) } : {};
  const problem = (field: string) => (local[field] ? t(`form.problems.${local[field]}`) : serverProblem(field));

  return (
    <>
      <PageHeader title={t('new.title')} breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('list.title'), to: pactPaths.list }, { label: t('new.title') }]} lead={t('new.lead')} />
      {districts.isPending && <Loading />}
      {districts.isError && <ApiErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />}
      {districts.data && choosable.length === 0 && <p>{t('new.noDistrict')}</p>}
      {choosable.length > 0 && (
        <form
          aria-labelledby="new-pact-heading"
          className="border rounded p-3 my-3"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setChecked(true);
            const problems = { ...pactSettingsProblems(settings), ...pactTextProblems(text) };
            if (Object.keys(problems).length > 0 || !effectiveDistrictId) return;
            create.mutate({
              districtId: effectiveDistrictId,
              title: settings.title.trim(),
              purpose: settings.purpose.trim(),
              isPublic: settings.isPublic,
              adhesionNeedsApproval: settings.adhesionNeedsApproval,
              body: text.body,
              startsOn: text.startsOn,
              endsOn: text.endsOn || null,
            });
          }}
        >
          <h2 id="new-pact-heading" className="h4">
            {t('new.formTitle')}
          </h2>
          <SelectField id="new-pact-district" label={t('form.district')} isRequired value={effectiveDistrictId} onChange={(event) => setDistrictId(event.target.value)} error={problem('districtId')}>
            <option value="">—</option>
            {choosable.map((district) => (
              <option key={district.id} value={district.id}>
                {district.name}
              </option>
            ))}
          </SelectField>
          <PactSettingsFields idPrefix="new-pact" values={settings} onChange={setSettings} problem={problem} />
          <PactTextFields idPrefix="new-pact" values={text} onChange={setText} problem={problem} />
          {create.isError && <ApiErrorAlert error={create.error} />}
          <Button type="submit" color="primary" disabled={create.isPending}>
            {t('new.create')}
          </Button>
        </form>
      )}
    </>
  );
}
