import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { taxonomyQuery } from '../services';

/** The taxonomy's category labels in the interface language (a code without a term shows as itself). */
export function useCategoryLabel() {
  const { i18n } = useTranslation();
  const categories = useQuery(taxonomyQuery);
  return useMemo(() => {
    const byCode = new Map((categories.data ?? []).map((term) => [term.code, i18n.language === 'en' ? term.labelEn : term.labelIt]));
    return { label: (code: string) => byCode.get(code) ?? code, terms: categories.data ?? [] };
  }, [categories.data, i18n.language]);
}
