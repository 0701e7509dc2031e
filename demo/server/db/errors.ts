/** The PostgreSQL error code and constraint of a driver error (pg and PGlite both expose them). */
export function databaseErrorOf(error: unknown): { code?: string; constraint?: string } {
	return (error ?? {}) as { code?: string; constraint?: string };
}

/** Whether `error` is a unique violation, optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
	const { code, constraint: violated } = databaseErrorOf(error);
	return code === '23505' && (!constraint || violated === constraint);
}
