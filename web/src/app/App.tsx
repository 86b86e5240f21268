import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import ChangePasswordPage from '../auth/ChangePasswordPage.tsx';
import { LoginPage } from '../auth/LoginPage.tsx';
import { useMe } from '../auth/session.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { Loading } from '../ui/Loading.tsx';
import { Layout } from './Layout.tsx';
import { appRoutes, publicRoutes } from './routes.tsx';
import { WorkspaceProvider } from './workspace.tsx';

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/login" element={<LoginRoute />} />
          {publicRoutes.map(({ path, component: Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          <Route path="*" element={<Authenticated />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

function LoginRoute() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  return me.data ? <Navigate to="/" replace /> : <LoginPage />;
}

function Authenticated() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorAlert error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <WorkspaceProvider me={me.data}>
      <Routes>
        <Route element={<Layout />}>
          {me.data.user.mustChangePassword ? (
            <Route path="*" element={<ChangePasswordPage />} />
          ) : (
            <>
              {appRoutes.map(({ path, component: Page }) => (
                <Route
                  key={path}
                  path={path === '/' ? undefined : path}
                  index={path === '/'}
                  element={<Page />}
                />
              ))}
              <Route path="/account/password" element={<ChangePasswordPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </>
          )}
        </Route>
      </Routes>
    </WorkspaceProvider>
  );
}
