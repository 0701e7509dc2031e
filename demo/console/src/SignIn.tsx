import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { MerchantApiError } from './http';
import { signIn, signInNotice, type Session } from './session';

export interface SignInProps {
	/** Checks a key against the server; throws MerchantApiError when it is refused. */
	verify(candidate: Session): Promise<void>;
	/** Store key to start with (e.g. from `?store=` in the address). */
	initialStoreKey: string;
}

function explain(error: unknown, storeKey: string): string {
	if (error instanceof MerchantApiError) {
		if (error.status === 401) return `That admin key was not accepted for store “${storeKey}”. Check it and try again.`;
		if (error.status === 404) return `There is no store “${storeKey}” on this server.`;
		if (error.status === 0) return error.message;
		if (error.status === 429) return 'Too many attempts. Wait a minute and try again.';
	}
	return 'Signing in failed on the server. Try again in a moment.';
}

/** The sign-in screen: the store's publishable key and its admin key, checked by the server. */
export function SignIn({ verify, initialStoreKey }: SignInProps) {
	const storeKey = useSignal(initialStoreKey);
	const adminKey = useSignal('');
	const problem = useSignal<string | undefined>(signInNotice.value);
	const busy = useSignal(false);
	const heading = useRef<HTMLHeadingElement>(null);
	useEffect(() => heading.current?.focus(), []);

	const submit = async (event: Event) => {
		event.preventDefault();
		const candidate = { storeKey: storeKey.value.trim(), adminKey: adminKey.value.trim() };
		if (!candidate.storeKey) return void (problem.value = 'Enter your store key (it starts with pk_).');
		if (!candidate.adminKey) return void (problem.value = 'Enter your admin key.');
		busy.value = true;
		problem.value = undefined;
		try {
			await verify(candidate);
			signIn(candidate);
		} catch (error) {
			problem.value = explain(error, candidate.storeKey);
		} finally {
			busy.value = false;
		}
	};

	return (
		<main class="sign-in" id="main">
			<form class="card sign-in-card" onSubmit={submit} noValidate aria-describedby={problem.value ? 'sign-in-problem' : undefined}>
				<h1 ref={heading} tabIndex={-1}>
					Sign in to your rewards console
				</h1>
				<p class="hint">Use the admin key of your store. It stays in this tab only and is forgotten when you close it.</p>
				<label class="field">
					<span>Store key</span>
					<input
						name="storeKey"
						autoComplete="username"
						spellcheck={false}
						value={storeKey.value}
						onInput={(event) => (storeKey.value = event.currentTarget.value)}
					/>
				</label>
				<label class="field">
					<span>Admin key</span>
					<input
						name="adminKey"
						type="password"
						autoComplete="current-password"
						spellcheck={false}
						value={adminKey.value}
						onInput={(event) => (adminKey.value = event.currentTarget.value)}
					/>
				</label>
				{problem.value && (
					<p class="problem" id="sign-in-problem" role="alert">
						{problem.value}
					</p>
				)}
				<button type="submit" class="primary" disabled={busy.value}>
					{busy.value ? 'Checking…' : 'Sign in'}
				</button>
			</form>
		</main>
	);
}
