import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Card, CardBody, CardText, CardTitle, Col, Row } from 'design-react-kit';
import { PageHeader } from '../../ui/page-header';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { isSignedIn } from '../../app/access';
import { OwnPendingMemberships } from '../memberships';
import { SignedInHome } from './signed-in-home';

/**
 * Landing page: what the platform is for and where to start; for a visitor, the services search; for a signed-in
 * person, their home (next things to do) and, for organization admins, the districts' invitations to answer.
 */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('home.title')} documentTitle={t('home.documentTitle')} lead={t('home.lead')} />
      <ResidentSearch />
      <PersonalHome />
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

/** For a signed-in person: the next things to do in their districts and organizations (and the regional view). */
function PersonalHome() {
  const { session } = useSession();
  return isSignedIn(session) ? <SignedInHome /> : null;
}

const EXAMPLES = ['exampleElderly', 'exampleNursery', 'exampleCareWorker', 'exampleHomework'] as const;

/** For a visitor not signed in (a resident): the services search on the home page itself, with examples. */
function ResidentSearch() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  if (isSignedIn(session)) return null;
  const searchFor = (q: string) => `${paths.services}?${new URLSearchParams(q ? { q } : {}).toString()}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(searchFor(text.trim()));
  };
  return (
    <section aria-labelledby="home-search-heading" className="mb-5">
      <h2 id="home-search-heading" className="h3">
        {t('home.searchTitle')}
      </h2>
      <form role="search" aria-label={t('home.searchTitle')} onSubmit={submit}>
        <div className="form-group mb-2">
          <label htmlFor="home-service-search" className="active">
            {t('home.searchLabel')}
          </label>
          <input
            id="home-service-search"
            type="search"
            className="form-control"
            value={text}
            aria-describedby="home-service-search-help"
            onChange={(event) => setText(event.target.value)}
          />
          <small id="home-service-search-help" className="form-text">
            {t('home.searchHelp')}
          </small>
        </div>
        <Button type="submit" color="primary">
          {t('home.searchSubmit')}
        </Button>
      </form>
      <p className="mt-3 mb-1">{t('home.examplesIntro')}</p>
      <ul className="list-inline">
        {EXAMPLES.map((key) => (
          <li key={key} className="list-inline-item me-3">
            <Link to={searchFor(t(`home.${key}`))}>{t(`home.${key}`)}</Link>
          </li>
        ))}
      </ul>
      <p>
        {t('home.districtsNearPrefix')} <Link to={paths.districts}>{t('home.districtsNearLink')}</Link>
      </p>
    </section>
  );
}
