import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, CardBody, CardText, CardTitle, Col, Row } from 'design-react-kit';
import { PageHeader } from '../../ui/page-header';
import { paths } from '../../app/paths';
import { OwnPendingMemberships } from '../memberships';

/** Landing page: what the platform is for and where to start (and, for organization admins, invitations to answer). */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('home.title')} documentTitle={t('home.documentTitle')} lead={t('home.lead')} />
      <OwnPendingMemberships />
      <Row className="g-4">
        <Col md={6}>
          <Card className="h-100 distretto-card">
            <CardBody>
              <CardTitle tag="h2" className="h4">
                <Link to={paths.territory}>{t('home.territoryTitle')}</Link>
              </CardTitle>
              <CardText>{t('home.territoryText')}</CardText>
            </CardBody>
          </Card>
        </Col>
        <Col md={6}>
          <Card className="h-100 distretto-card">
            <CardBody>
              <CardTitle tag="h2" className="h4">
                <Link to={paths.districts}>{t('home.districtsTitle')}</Link>
              </CardTitle>
              <CardText>{t('home.districtsText')}</CardText>
            </CardBody>
          </Card>
        </Col>
      </Row>
      <p className="mt-4">
        {t('home.aboutPrefix')} <Link to={paths.about}>{t('home.aboutLink')}</Link>
      </p>
    </>
  );
}
