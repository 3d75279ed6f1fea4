import { useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { homeFor } from '../navigation.ts';

export default function LoginRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  return (
    <LoginForm
      onSignedIn={(user) => {
        // Only follow a local path that belongs to the user's own area.
        const area = homeFor(user.role);
        navigate(next && next.startsWith(area) ? next : area, { replace: true });
      }}
    />
  );
}
