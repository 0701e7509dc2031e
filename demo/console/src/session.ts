import { signal } from '@preact/signals';

/** Who is signed in: the store (its publishable key) and the merchant's admin key for it. */
export interface Session {
	storeKey: string;
	adminKey: string;
}

// sessionStorage, never localStorage: the admin key lives as long as the tab and is gone when it
// closes. A page reload keeps the merchant signed in.
const STORAGE_KEY = 'openrewards.console.session';

function readStored(): Session | undefined {
	try {
		const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Session> | null;
		if (typeof stored?.storeKey === 'string' && typeof stored.adminKey === 'string')
			return { storeKey: stored.storeKey, adminKey: stored.adminKey };
	} catch {
		// Storage blocked or corrupt: sign in again.
	}
	return undefined;
}

export const session = signal<Session | undefined>(readStored());
/** Why the merchant is looking at the sign-in screen, when it was not by choice. */
export const signInNotice = signal<string | undefined>(undefined);

export function signIn(next: Session): void {
	session.value = next;
	signInNotice.value = undefined;
	try {
		sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
	} catch {
		// Kept in memory only: a reload asks for the key again.
	}
}

export function signOut(notice?: string): void {
	try {
		sessionStorage.removeItem(STORAGE_KEY);
	} catch {}
	session.value = undefined;
	signInNotice.value = notice;
}
