import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Col, Row } from 'design-react-kit';
import type { TNeedFilters } from '../../../common/contracts/needs';
import type { TDistrict } from '../../../common/contracts/districts';
import { NEED_SOURCES, NEED_STATUSES } from '../../../common/domain/needs';
import { TARGET_GROUPS } from '../../../common/domain/services';
import { SelectField } from '../../ui/form-field';
import { useCategoryLabel } from './use-category-label';

export type FilterKey = Exclude<keyof TNeedFilters, 'districtId'>;
/** The filters kept in the page's address (besides `distretto`), in the order the form shows them. */
export const FILTER_KEYS: FilterKey[] = ['categoryCode', 'targetGroup', 'municipalityCode', 'status', 'source', 'organizationId'];

/** The filter form: a draft the user edits, applied to the address only on submit. */
export function NeedFilters({ district, filters, onFilters }: { district: TDistrict; filters: Partial<TNeedFilters>; onFilters: (next: Record<string, string>) => void }) {
  const { t } = useTranslation('needs');
  const { t: ts } = useTranslation('services');
  const categories = useCategoryLabel();
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FILTER_KEYS.map((key) => [key, (filters[key] as string | undefined) ?? ''])));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilters(Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== '')));
  };
  const select = (key: FilterKey, label: string, options: { value: string; label: string }[]) => (
    <Col md={4} key={key}>
      <SelectField id={`needs-filter-${key}`} label={label} value={draft[key] ?? ''} onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}>
        <option value="">{t('filters.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
    </Col>
  );
  return (
    <form onSubmit={submit} className="mb-4" aria-labelledby="needs-filters-heading">
      <h2 id="needs-filters-heading" className="h4 mb-4">
        {t('filters.title')}
      </h2>
      <Row>
        {select('categoryCode', t('filters.category'), categories.terms.filter((term) => term.parentId !== null).map((term) => ({ value: term.code, label: categories.label(term.code) })))}
        {select('targetGroup', t('filters.targetGroup'), TARGET_GROUPS.map((group) => ({ value: group, label: ts(`targetGroups.${group}`) })))}
        {select('municipalityCode', t('filters.municipality'), district.municipalities.map((m) => ({ value: m.istatCode, label: m.name })))}
        {select('status', t('filters.status'), NEED_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })))}
        {select('source', t('filters.source'), NEED_SOURCES.map((source) => ({ value: source, label: t(`sources.${source}`) })))}
        {select('organizationId', t('form.organization'), district.members.map((member) => ({ value: member.organizationId, label: member.name })))}
      </Row>
      <Button color="primary" type="submit" size="sm">
        {t('filters.apply')}
      </Button>{' '}
      <Button
        color="secondary"
        outline
        type="button"
        size="sm"
        onClick={() => {
          setDraft({});
          onFilters({});
        }}
      >
        {t('filters.reset')}
      </Button>
    </form>
  );
}
