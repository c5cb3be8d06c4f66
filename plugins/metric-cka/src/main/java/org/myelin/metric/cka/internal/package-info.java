/**
 * Centered kernel alignment (Kornblith et al. 2019) as a Myelin metric plugin: the DS
 * component {@link org.myelin.metric.cka.internal.CkaMetric} and the double-precision
 * computation {@link org.myelin.metric.cka.internal.LinearCka}. Private to the bundle.
 */
package org.myelin.metric.cka.internal;
