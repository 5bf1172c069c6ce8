// The organiser's screen (a phone held up, or a projector): the QR of /check-in/<token>, rotating
// every 30 s, with the count of those marked so far refreshed as members scan.
import { Center, Image, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../../components/feedback';
import { s } from './labels';
import { checkInCodeQuery, sessionQuery } from './queries';

export function QrScreen({ sessionId }: { sessionId: string }) {
  // The marks arriving from the phones, every few seconds while the code is shown.
  useQuery({ ...sessionQuery(sessionId), refetchInterval: 5_000 });
  return <QrCode id={sessionId} kind="session" />;
}

/** The rotating code alone: the meeting's own screen refreshes its roll call beside it. */
export function QrCode({ id, kind, help = s.qrHelp }: { id: string; kind: 'session' | 'conference'; help?: string }) {
  const code = useQuery(checkInCodeQuery(id, kind));
  return (
    <Stack gap="xs" align="center">
      <QueryStatus query={code} />
      {code.data && (
        <>
          <Center bg="white" p="sm" w="100%" maw={420}>
            <Image src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.data.svg)}`} alt={s.qrAlt} w="100%" maw={400} data-token={code.data.token} />
          </Center>
          <Text ta="center">{help}</Text>
        </>
      )}
    </Stack>
  );
}
