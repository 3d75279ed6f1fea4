import { useNavigate } from 'react-router';
import { RegisterForm } from '../../features/auth/components/register-form.tsx';

export default function RegisterRoute() {
  const navigate = useNavigate();
  return <RegisterForm onRegistered={() => navigate('/portal', { replace: true })} />;
}
