/**
 * Optimisers with PyTorch semantics (Adam, AdamW, SGD with momentum and Nesterov), gradient
 * clipping by global norm, and learning-rate schedules (step, cosine, one-cycle), for the
 * flat float32 parameter arrays of the engine.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.myelin.core.optim;
