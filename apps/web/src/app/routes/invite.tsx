import { useNavigate, useParams } from 'react-router';
import { AcceptInvitationForm } from '../../features/auth/components/accept-invitation-form.tsx';

export default function InviteRoute() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  return <AcceptInvitationForm token={token} onJoined={() => navigate('/portal', { replace: true })} />;
}
