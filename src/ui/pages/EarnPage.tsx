import { EarnList } from '../parts/EarnList';
import { JoinCard } from '../parts/JoinCard';
import type { ViewProps } from '../view';

export const EarnPage = ({ v }: ViewProps) => (
	<>
		{!v.store.token.value && <JoinCard v={v} />}
		<EarnList v={v} />
	</>
);
