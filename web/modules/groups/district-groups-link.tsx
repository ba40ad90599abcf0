import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { groupsPaths } from './groups-paths';

/** The district page's way to its working groups (the list, where coordinators also create one). */
export function DistrictGroupsLink({ districtId }: { districtId: string }) {
  const { t } = useTranslation('groups');
  return (
    <Link className="btn btn-outline-primary" to={groupsPaths.ofDistrict(districtId)}>
      {t('district.link')}
    </Link>
  );
}
