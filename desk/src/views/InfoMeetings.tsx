import { Navigate } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/context';
import { Faults } from '../components/Faults';
import { formatDateTime } from '../dates';
import { graphql } from '../gql';

/** The district's worklist: the next information meeting with a free place, per audience. */

const DistrictMeetings = graphql(`
  query DistrictMeetings($districtCode: ID!) {
    district(code: $districtCode) {
      code
      name
      infoMeetingQuotaPerWeek
    }
    adults: nextFreeInfoMeeting(districtCode: $districtCode, audience: ADULTS) {
      startsAt
      placesLeftInWeek
    }
    youth: nextFreeInfoMeeting(districtCode: $districtCode, audience: YOUTH) {
      startsAt
      placesLeftInWeek
    }
  }
`);

export default function InfoMeetings() {
  const { organisation } = useSession();
  if (organisation.kind !== 'DISTRICT' || !organisation.id) return <Navigate to="/" replace />;
  return <Meetings districtCode={organisation.id} />;
}

function Meetings({ districtCode }: { districtCode: string }) {
  const [result, refetch] = useQuery({ query: DistrictMeetings, variables: { districtCode } });
  if (result.fetching && !result.data) return <p className="loading">Hämtar infomötena …</p>;
  const data = result.data;
  const rows = data
    ? [
        { audience: 'Vuxna', meeting: data.adults },
        { audience: 'Unga 16–24 år', meeting: data.youth },
      ]
    : [];
  return (
    <>
      <h1>Nästa lediga infomöte{data?.district ? `, ${data.district.name}` : ''}</h1>
      <Faults error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {data && (
        <table data-testid="info-meetings">
          <caption>En remiss som görs nu bokas på det första mötet med plats kvar i veckans kvot ({data.district?.infoMeetingQuotaPerWeek} platser i veckan).</caption>
          <thead>
            <tr><th scope="col">Målgrupp</th><th scope="col">Möte</th><th scope="col">Platser kvar den veckan</th></tr>
          </thead>
          <tbody>
            {rows.map(({ audience, meeting }) => (
              <tr key={audience}>
                <td>{audience}</td>
                <td>{meeting ? formatDateTime(meeting.startsAt) : 'Inget ledigt möte'}</td>
                <td>{meeting?.placesLeftInWeek ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
