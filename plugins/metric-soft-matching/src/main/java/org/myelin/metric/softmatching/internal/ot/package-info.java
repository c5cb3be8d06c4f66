/**
 * Optimal transport solvers for soft matching, private to the bundle: the exact network simplex
 * ({@link org.myelin.metric.softmatching.internal.ot.NetworkSimplex}) with the balanced and
 * partial (dummy-point) problems between uniform unit distributions on top of it
 * ({@link org.myelin.metric.softmatching.internal.ot.ExactTransport}); successive shortest
 * paths through the optimal partial plans of every mass at once, with each unit's entry mass
 * ({@link org.myelin.metric.softmatching.internal.ot.PartialTransportPath}); and the entropic
 * solvers in the log domain ({@link org.myelin.metric.softmatching.internal.ot.LogSinkhorn},
 * {@link org.myelin.metric.softmatching.internal.ot.EntropicPartialTransport}).
 */
package org.myelin.metric.softmatching.internal.ot;
