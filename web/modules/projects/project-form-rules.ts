import type { ProjectStrand } from '../../../common/domain/projects';
import type { TargetGroup } from '../../../common/domain/services';

export interface ProjectFieldValues {
  title: string;
  summary: string;
  strands: ProjectStrand[];
  targetGroups: TargetGroup[];
  startOn: string;
  endOn: string;
}

/** What is wrong with the values, field by field (the server checks again and names the field). */
export function projectFieldProblems(values: ProjectFieldValues): Partial<Record<keyof ProjectFieldValues, 'required' | 'tooShort' | 'datesOutOfOrder'>> {
  const problems: Partial<Record<keyof ProjectFieldValues, 'required' | 'tooShort' | 'datesOutOfOrder'>> = {};
  if (values.title.trim() === '') problems.title = 'required';
  else if (values.title.trim().length < 3) problems.title = 'tooShort';
  if (values.strands.length === 0) problems.strands = 'required';
  if (values.startOn && values.endOn && values.endOn < values.startOn) problems.endOn = 'datesOutOfOrder';
  return problems;
}
