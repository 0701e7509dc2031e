import { useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { createMerchantApi, type MerchantApi } from './api';
import { MemberPage } from './MemberPage';
import { MembersPage } from './MembersPage';
import { OverviewPage } from './OverviewPage';
import { ProgramPage } from './ProgramPage';
import { route } from './router';
import { session, signOut, type Session } from './session';
import { Shell } from './Shell';
import { SignIn } from './SignIn';

const KEY_REFUSED = 'The server no longer accepts this admin key. Sign in again.';

function apiFor(current: Session): MerchantApi {
	return createMerchantApi(current, () => signOut(KEY_REFUSED));
}

/** Sign-in until a key is accepted, then the console's screens. */
export function App() {
	const api = useComputed(() => (session.value ? apiFor(session.value) : undefined));
	const storeName = useSignal<string>('');

	useEffect(() => {
		storeName.value = '';
		api.value
			?.program()
			.then((editable) => (storeName.value = editable.program.name[editable.program.defaultLocale] ?? ''))
			.catch(() => {});
	}, [api.value]);

	if (!api.value) {
		const initialStoreKey = new URLSearchParams(location.search).get('store') ?? '';
		return (
			<SignIn
				initialStoreKey={initialStoreKey}
				verify={async (candidate) => {
					// A throwaway client: a refused key must not sign anybody out, just say so.
					await createMerchantApi(candidate, () => {}).program();
				}}
			/>
		);
	}

	const current = route.value;
	return (
		<Shell storeName={storeName.value || api.value.storeKey} storeKey={api.value.storeKey} route={current} onSignOut={() => signOut()}>
			{current.name === 'overview' && <OverviewPage api={api.value} />}
			{current.name === 'program' && <ProgramPage api={api.value} />}
			{current.name === 'members' && <MembersPage api={api.value} query={current.query} />}
			{current.name === 'member' && <MemberPage api={api.value} customerId={current.customerId} />}
		</Shell>
	);
}
