/**
 * Linear readouts (linear probes) on fixed features: z-scoring with training statistics, multinomial logistic regression trained full-batch with Adam, closed-form ridge regression on one-hot targets, and the trained {@link org.myelin.core.readout.LinearReadout} that scores, classifies and measures loss. Any learning rule can use it to read out or probe a representation.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.myelin.core.readout;
