// /hoi-nghi/$conferenceId — the page; the address is in ./conference.tsx.
import { useQuery } from '@tanstack/react-query';
import { PageFallback } from '../components/feedback';
import { ConferenceDetail } from '../features/conferences/ConferenceDetail';
import { conferenceQuery } from '../features/conferences/queries';
import { vi } from '../i18n/vi';
import { conferenceRoute } from './conference';

export default ConferencePage;

function ConferencePage() {
  const { conferenceId } = conferenceRoute.useParams();
  const query = useQuery(conferenceQuery(conferenceId));
  if (!query.data) return <PageFallback query={query} title={vi.conferences.fallbackTitle} />;
  return <ConferenceDetail conference={query.data} />;
}
