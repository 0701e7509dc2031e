import { EarnList } from '../parts/EarnList';
import { JoinCard } from '../parts/JoinCard';
import type { ViewProps } from '../view';

export const EarnPage = ({ view }: ViewProps) => (
	<>
		{!view.store.token.value && <JoinCard view={view} />}
		<EarnList view={view} />
	</>
);
