import { MerchantApiError } from './http';

/** A calm failure message with a retry button. */
export function Problem({ error, retry }: { error: unknown; retry?: () => void }) {
	const message = error instanceof MerchantApiError ? error.message : 'Something went wrong while loading. Nothing was changed.';
	return (
		<div class="problem" role="alert">
			<p>{message}</p>
			{retry && (
				<button type="button" onClick={retry}>
					Try again
				</button>
			)}
		</div>
	);
}
