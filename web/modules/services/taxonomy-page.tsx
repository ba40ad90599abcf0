import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Row } from 'design-react-kit';
import type { TTaxonomyTerm } from '../../../common/contracts/services';
import { PageHeader } from '../../ui/page-header';
import { Loading } from '../../ui/loading';
import { SelectField, TextField } from '../../ui/form-field';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSession } from '../../app/session';
import { isPlatformAdmin } from '../../app/access';
import { paths } from '../../app/paths';
import { servicePaths } from './service-paths';
import { createTaxonomyTerm, taxonomyQuery, updateTaxonomyTerm } from './services.queries';

/** The category tree with Italian and English labels; platform admins rename terms and add new ones. */
export function TaxonomyPage() {
  const { t } = useTranslation('services');
  const { t: tCommon } = useTranslation();
  const { session } = useSession();
  const isAdmin = isPlatformAdmin(session);
  const taxonomy = useQuery(taxonomyQuery);
  const terms = taxonomy.data ?? [];
  const codeOf = (id: string | null) => terms.find((term) => term.id === id)?.code ?? '';

  return (
    <>
      <PageHeader
        title={t('taxonomy.title')}
        breadcrumbs={[{ label: tCommon('nav.home'), to: paths.home }, { label: t('search.title'), to: servicePaths.search }, { label: t('taxonomy.title') }]}
        lead={t('taxonomy.lead')}
      />
      {taxonomy.isPending && <Loading />}
      {taxonomy.isError && <ApiErrorAlert error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />}
      {terms.length > 0 && (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('taxonomy.caption', { count: terms.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('taxonomy.code')}</th>
                <th scope="col">{t('taxonomy.labelIt')}</th>
                <th scope="col">{t('taxonomy.labelEn')}</th>
                <th scope="col">{t('taxonomy.services')}</th>
                {isAdmin && <th scope="col">{t('taxonomy.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {terms.map((term) => (
                <TermRow key={term.id} term={term} parentCode={codeOf(term.parentId)} isAdmin={isAdmin} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isAdmin && <NewTermForm parents={terms.filter((term) => term.parentId === null)} />}
    </>
  );
}

function TermRow({ term, parentCode, isAdmin }: { term: TTaxonomyTerm; parentCode: string; isAdmin: boolean }) {
  const { t } = useTranslation('services');
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [labelIt, setLabelIt] = useState(term.labelIt);
  const [labelEn, setLabelEn] = useState(term.labelEn);
  const save = useMutation({
    mutationFn: () => updateTaxonomyTerm(term.id, { labelIt, labelEn, version: term.version }),
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: taxonomyQuery.queryKey });
    },
  });
  const indent = parentCode ? 'ps-4' : 'fw-bold';
  if (isEditing) {
    return (
      <tr>
        <th scope="row" className={indent}>
        <code>{term.code}</code>
      </th>
        <td>
          <TextField id={`label-it-${term.id}`} label={t('taxonomy.labelIt')} value={labelIt} onChange={(e) => setLabelIt(e.target.value)} />
        </td>
        <td>
          <TextField id={`label-en-${term.id}`} label={t('taxonomy.labelEn')} value={labelEn} onChange={(e) => setLabelEn(e.target.value)} />
        </td>
        <td>{term.serviceCount}</td>
        <td>
          {save.isError && <ApiErrorAlert error={save.error} />}
          <Button color="primary" size="sm" disabled={save.isPending} onClick={() => save.mutate()}>{t('taxonomy.save')}</Button>{' '}
          <Button color="secondary" size="sm" outline onClick={() => setEditing(false)}>{t('taxonomy.cancel')}</Button>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row" className={indent}>
        <code>{term.code}</code>
      </th>
      <td>{term.labelIt}</td>
      <td lang="en">{term.labelEn}</td>
      <td>{term.serviceCount}</td>
      {isAdmin && (
        <td>
          <Button color="primary" size="sm" outline onClick={() => setEditing(true)} aria-label={t('taxonomy.editTerm', { label: term.labelIt })}>
            {t('taxonomy.edit')}
          </Button>
        </td>
      )}
    </tr>
  );
}

function NewTermForm({ parents }: { parents: TTaxonomyTerm[] }) {
  const { t } = useTranslation('services');
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [parentCode, setParentCode] = useState('');
  const [labelIt, setLabelIt] = useState('');
  const [labelEn, setLabelEn] = useState('');
  const create = useMutation({
    mutationFn: () => createTaxonomyTerm({ code: code.trim(), parentCode: parentCode || null, labelIt, labelEn }),
    onSuccess: () => {
      setCode('');
      setLabelIt('');
      setLabelEn('');
      void queryClient.invalidateQueries({ queryKey: taxonomyQuery.queryKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} className="mt-4" aria-labelledby="new-term-heading">
      <h2 id="new-term-heading" className="h5">{t('taxonomy.add')}</h2>
      {create.isError && <ApiErrorAlert error={create.error} />}
      <Row>
        <Col md={3}>
          <SelectField id="term-parent" label={t('taxonomy.parent')} value={parentCode} onChange={(e) => setParentCode(e.target.value)}>
            <option value="">{t('taxonomy.topLevel')}</option>
            {parents.map((parent) => <option key={parent.id} value={parent.code}>{parent.labelIt}</option>)}
          </SelectField>
        </Col>
        <Col md={3}>
          <TextField id="term-code" label={t('taxonomy.code')} help={<Trans t={t} i18nKey="taxonomy.codeHelp" components={{ code: <code /> }} />} value={code} isRequired onChange={(e) => setCode(e.target.value)} />
        </Col>
        <Col md={3}>
          <TextField id="term-label-it" label={t('taxonomy.labelIt')} value={labelIt} isRequired onChange={(e) => setLabelIt(e.target.value)} />
        </Col>
        <Col md={3}>
          <TextField id="term-label-en" label={t('taxonomy.labelEn')} value={labelEn} isRequired onChange={(e) => setLabelEn(e.target.value)} />
        </Col>
      </Row>
      <Button type="submit" color="primary" disabled={create.isPending}>{t('taxonomy.add')}</Button>
    </form>
  );
}
