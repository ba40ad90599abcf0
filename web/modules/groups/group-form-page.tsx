import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TGroupDetail } from '../../../common/contracts/groups';
import { GROUP_ACCESS_MODES, type GroupAccessMode } from '../../../common/domain/groups';
import { isSignedIn } from '../../app/access';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { fieldText } from '../../app/error-messages';
import { paths } from '../../app/paths';
import { RequireAccess } from '../../app/require-access';
import { TextAreaField, TextField } from '../../ui/form-field';
import { Loading } from '../../ui/loading';
import { MarkdownEditor } from '../../ui/markdown-editor';
import { PageHeader } from '../../ui/page-header';
import { groupsPaths } from './groups-paths';
import { districtQuery } from '../districts';
import { taxonomyQuery } from '../services';
import { createGroup, GROUPS_KEY, groupQuery, updateGroup } from './groups.queries';
import { useGroupLabels } from './group-labels';
import './groups.css';

/** `/distretti/:districtId/tavoli/nuovo`: a coordinator creates a working group of the district. */
export function GroupCreatePage() {
  const { districtId = '' } = useParams();
  return (
    <RequireAccess allow={isSignedIn}>
      <GroupForm districtId={districtId} group={null} />
    </RequireAccess>
  );
}

/** `/tavoli/:groupId/modifica`: the group's managers change its name, theme, mandate, access and quorum. */
export function GroupEditPage() {
  const { groupId = '' } = useParams();
  return (
    <RequireAccess allow={isSignedIn}>
      <GroupEditLoader groupId={groupId} />
    </RequireAccess>
  );
}

function GroupEditLoader({ groupId }: { groupId: string }) {
  const group = useQuery(groupQuery(groupId));
  if (group.isPending) return <Loading />;
  if (group.isError) return <ApiErrorAlert error={group.error} />;
  return <GroupForm districtId={group.data.districtId} group={group.data} />;
}

function GroupForm({ districtId, group }: { districtId: string; group: TGroupDetail | null }) {
  const { t, i18n } = useTranslation('groups');
  const { t: tCommon } = useTranslation();
  const labels = useGroupLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const district = useQuery(districtQuery(districtId));
  const taxonomy = useQuery(taxonomyQuery);
  const [name, setName] = useState(group?.name ?? '');
  const [theme, setTheme] = useState(group?.theme ?? '');
  const [categoryCodes, setCategoryCodes] = useState<string[]>(group?.categories.map((category) => category.code) ?? []);
  const [mandate, setMandate] = useState(group?.mandate ?? '');
  const [accessMode, setAccessMode] = useState<GroupAccessMode>(group?.accessMode ?? 'invitation');
  const [quorum, setQuorum] = useState(group?.quorumPercent != null ? String(group.quorumPercent) : '');
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const fieldError = (path: string) => fieldText(error, path, tCommon) ?? null;
  const quorumValue = quorum.trim() === '' ? null : Number(quorum);
  const title = group ? t('form.editTitle', { name: group.name }) : t('form.createTitle');
  const topTerms = (taxonomy.data ?? []).filter((term) => term.parentId === null);
  const districtName = district.data?.name ?? group?.districtName ?? '';

  return (
    <div className="groups-ui">
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: districtName || t('breadcrumbs.district'), to: paths.district(districtId) },
          { label: t('list.title'), to: groupsPaths.ofDistrict(districtId) },
          ...(group ? [{ label: group.name, to: groupsPaths.group(group.id) }] : []),
          { label: group ? t('form.editCrumb') : t('form.createTitle') },
        ]}
        lead={group ? undefined : t('form.createLead', { district: districtName })}
      />
      {error !== null && <ApiErrorAlert error={error} />}
      <form
        noValidate
        aria-label={title}
        onSubmit={async (event) => {
          event.preventDefault();
          if (quorumValue !== null && (!Number.isInteger(quorumValue) || quorumValue < 1 || quorumValue > 100)) {
            setError(null);
            document.getElementById('group-quorum')?.focus();
            return;
          }
          setSaving(true);
          setError(null);
          try {
            const saved = group
              ? await updateGroup(group.id, { version: group.version, name, theme, categoryCodes, mandate, accessMode, quorumPercent: quorumValue })
              : await createGroup({ districtId, name, theme, categoryCodes, mandate, accessMode, quorumPercent: quorumValue });
            await queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
            navigate(groupsPaths.group(saved.id));
          } catch (caught) {
            setError(caught);
          } finally {
            setSaving(false);
          }
        }}
      >
        <TextField id="group-name" label={t('form.name')} value={name} onChange={(event) => setName(event.target.value)} isRequired error={fieldError('name')} maxLength={200} />
        <TextAreaField id="group-theme" label={t('form.theme')} help={t('form.themeHelp')} rows={2} value={theme} onChange={(event) => setTheme(event.target.value)} error={fieldError('theme')} />
        <fieldset className="mb-4">
          <legend className="h6">{t('form.categories')}</legend>
          <p className="small mb-2">{t('form.categoriesHelp')}</p>
          <div className="row">
            {topTerms.map((term) => {
              const id = `group-category-${term.id}`;
              return (
                <div key={term.code} className="form-check col-md-6">
                  <input
                    className="form-check-input"
                    type="checkbox"
                    id={id}
                    checked={categoryCodes.includes(term.code)}
                    onChange={(event) => setCategoryCodes((codes) => (event.target.checked ? [...codes, term.code] : codes.filter((code) => code !== term.code)))}
                  />
                  <label className="form-check-label" htmlFor={id}>
                    {i18n.language === 'en' ? term.labelEn : term.labelIt}
                  </label>
                </div>
              );
            })}
          </div>
          {fieldError('categoryCodes') && <div className="invalid-feedback d-block">{fieldError('categoryCodes')}</div>}
        </fieldset>
        <MarkdownEditor id="group-mandate" label={t('form.mandate')} value={mandate} onChange={setMandate} rows={8} error={fieldError('mandate')} maxLength={20_000} />
        <fieldset className="mb-4">
          <legend className="h6">{t('form.access')}</legend>
          {GROUP_ACCESS_MODES.map((mode) => (
            <div key={mode} className="form-check">
              <input className="form-check-input" type="radio" name="group-access" id={`group-access-${mode}`} checked={accessMode === mode} onChange={() => setAccessMode(mode)} />
              <label className="form-check-label" htmlFor={`group-access-${mode}`}>
                {labels.accessMode(mode)}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          id="group-quorum"
          type="number"
          min={1}
          max={100}
          inputMode="numeric"
          label={t('form.quorum')}
          help={t('form.quorumHelp')}
          value={quorum}
          onChange={(event) => setQuorum(event.target.value)}
          error={fieldError('quorumPercent') ?? (quorumValue !== null && (!Number.isInteger(quorumValue) || quorumValue < 1 || quorumValue > 100) ? t('form.quorumInvalid') : null)}
        />
        <button type="submit" className="btn btn-primary" disabled={isSaving}>
          {group ? t('form.save') : t('form.create')}
        </button>
      </form>
    </div>
  );
}
