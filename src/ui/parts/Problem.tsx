import type { ApiError } from '../../api/errors';
import { errorText, type View } from '../view';

/** An action's failure, said at once to screen readers. */
export const Problem = ({ v, error }: { v: View; error?: ApiError }) =>
	error ? (
		<p class="e" role="alert">
			{errorText(v, error)}
		</p>
	) : null;
