// JVM options for DynamoDB Local, given to the java launcher as JDK_JAVA_OPTIONS (vitest.config.ts).

/**
 * JVM options for the short-lived instances the tests start (one per integration file, a few minutes at
 * most): the client compiler only, and the serial collector. A fresh JVM spends much of its CPU in the
 * optimising compiler, which pays off only over a long run. Measured alone per file (user CPU of the
 * whole vitest run / wall): trainings 12.2–12.7 s / 8.5–9.7 s → 7.7–8.2 s / 7.0–7.4 s; evaluations
 * 42.8 s / 31.5 s → 32.0 s / 29.7 s; limits 24.2 s / 16.3 s → 16.9 s / 16.5 s (its 5,000-officer
 * import alone 6.2 s → 8.5 s: slower writes without C2, on an idle machine).
 * The serial collector alone changed nothing (47.0 s / 33.3 s for evaluations).
 */
export const SHORT_LIVED_JVM = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
