import { useNavigate, useParams } from 'react-router';
import { invitationQueryOptions } from '../../features/auth/api/get-invitation.ts';
import { AcceptInvitationForm } from '../../features/auth/components/accept-invitation-form.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) => settle(qc.ensureQueryData(invitationQueryOptions(params.token ?? '')));

export default function InviteRoute() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  return <AcceptInvitationForm token={token} onJoined={() => navigate('/portal', { replace: true })} />;
}
