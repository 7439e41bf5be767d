import { useId } from 'react';
import { Navigate } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/context';
import { Faults } from '../components/Faults';
import { PersonLink } from '../components/PersonLink';
import { addDays, formatDate, formatDateTime, today } from '../dates';
import { graphql } from '../gql';

/**
 * The coach's worklists at their unit: cases without a plan (with the jobbgaranti deadline),
 * the jobbgaranti breaches of the last half year, and booked referrals waiting to be
 * enrolled. Each row opens the person.
 */

const CoachWorklists = graphql(`
  query CoachWorklists($unitCode: ID!, $from: Date!, $to: Date!) {
    casesWithoutPlan(filter: { unitCode: $unitCode }, first: 50) {
      totalCount
      edges {
        node {
          id
          enrolledOn
          person { personnummer givenName familyName }
          jobbgaranti { deadline status }
        }
      }
    }
    jobbgarantiBreaches(filter: { unitCode: $unitCode, from: $from, to: $to }, first: 50) {
      totalCount
      edges {
        node {
          id
          enrolledOn
          person { personnummer givenName familyName }
          jobbgaranti { deadline planEstablishedOn }
        }
      }
    }
    referrals(filter: { status: BOOKED }, first: 50) {
      totalCount
      edges {
        node {
          id
          referredAt
          person { personnummer givenName familyName }
          district { name }
          infoMeeting { startsAt }
        }
      }
    }
  }
`);

function More({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <p className="more">Visar {shown} av {total}.</p> : null;
}

export default function Worklists() {
  const { organisation } = useSession();
  if (organisation.kind !== 'JOBBTORG') return <Navigate to="/" replace />;
  if (organisation.id === null) return <p>Arbetslistorna gäller en enhet; din inloggning anger ingen.</p>;
  return <UnitWorklists unitCode={organisation.id} />;
}

function UnitWorklists({ unitCode }: { unitCode: string }) {
  const id = useId();
  const to = today();
  const [result, refetch] = useQuery({ query: CoachWorklists, variables: { unitCode, from: addDays(to, -182), to } });
  if (result.fetching && !result.data) return <p className="loading">Hämtar arbetslistorna …</p>;
  const data = result.data;
  return (
    <>
      <h1>Arbetslistor</h1>
      <Faults error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && (
        <>
          <section aria-labelledby={`${id}-noplan`}>
            <h2 id={`${id}-noplan`}>Ärenden utan plan ({data.casesWithoutPlan.totalCount})</h2>
            {data.casesWithoutPlan.edges.length === 0 ? (
              <p>Inga just nu.</p>
            ) : (
              <table data-testid="cases-without-plan">
                <thead>
                  <tr><th scope="col">Person</th><th scope="col">Inskriven</th><th scope="col">Jobbgaranti senast</th></tr>
                </thead>
                <tbody>
                  {data.casesWithoutPlan.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td>{node.person ? <PersonLink person={node.person} /> : 'Visas inte'}</td>
                      <td>{formatDate(node.enrolledOn)}</td>
                      <td className={node.jobbgaranti.deadline < today() ? 'late' : undefined}>{formatDate(node.jobbgaranti.deadline)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <More shown={data.casesWithoutPlan.edges.length} total={data.casesWithoutPlan.totalCount} />
          </section>
          <section aria-labelledby={`${id}-breaches`}>
            <h2 id={`${id}-breaches`}>Brutna jobbgarantier det senaste halvåret ({data.jobbgarantiBreaches.totalCount})</h2>
            {data.jobbgarantiBreaches.edges.length === 0 ? (
              <p>Inga just nu.</p>
            ) : (
              <table data-testid="breaches">
                <thead>
                  <tr><th scope="col">Person</th><th scope="col">Inskriven</th><th scope="col">Senast</th><th scope="col">Plan upprättad</th></tr>
                </thead>
                <tbody>
                  {data.jobbgarantiBreaches.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td>{node.person ? <PersonLink person={node.person} /> : 'Visas inte'}</td>
                      <td>{formatDate(node.enrolledOn)}</td>
                      <td>{formatDate(node.jobbgaranti.deadline)}</td>
                      <td>{node.jobbgaranti.planEstablishedOn ? formatDate(node.jobbgaranti.planEstablishedOn) : 'Ingen plan'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <More shown={data.jobbgarantiBreaches.edges.length} total={data.jobbgarantiBreaches.totalCount} />
          </section>
          <section aria-labelledby={`${id}-booked`}>
            <h2 id={`${id}-booked`}>Bokade remisser som väntar på inskrivning ({data.referrals.totalCount})</h2>
            {data.referrals.edges.length === 0 ? (
              <p>Inga just nu.</p>
            ) : (
              <table data-testid="booked-referrals">
                <thead>
                  <tr><th scope="col">Person</th><th scope="col">Stadsdel</th><th scope="col">Remitterad</th><th scope="col">Infomöte</th></tr>
                </thead>
                <tbody>
                  {data.referrals.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td><PersonLink person={node.person} /></td>
                      <td>{node.district.name}</td>
                      <td>{formatDateTime(node.referredAt)}</td>
                      <td>{formatDateTime(node.infoMeeting.startsAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <More shown={data.referrals.edges.length} total={data.referrals.totalCount} />
          </section>
        </>
      )}
    </>
  );
}
