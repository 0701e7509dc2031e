import type { ApiError } from '../../api/errors';
import { errorText, type View } from '../view';

/** An action's failure, said at once to screen readers. */
export const Problem = ({ view, error }: { view: View; error?: ApiError }) =>
	error ? (
		<p class="error-text" role="alert">
			{errorText(view, error)}
		</p>
	) : null;
