/**
 * Soft matching (Khosla and Williams 2023) and partial soft matching (Kapoor, Williams, Khosla
 * 2026) as a Myelin metric plugin, private to the bundle: the DS components
 * {@link org.myelin.metric.softmatching.internal.SoftMatchingMetric} ({@code soft-matching}) and
 * {@link org.myelin.metric.softmatching.internal.PartialSoftMatchingMetric}
 * ({@code partial-soft-matching}), the preparation of tuning curves and cost matrices they share,
 * the L-curve mass selection and the unit ranking. The transport solvers are in the
 * {@code ot} subpackage.
 */
package org.myelin.metric.softmatching.internal;
