package org.myelin.api.registry;

/** Life-cycle status of a run (MLflow's vocabulary plus INTERRUPTED). */
public enum RunStatus {
    /** Started and alive (its owner's heartbeat is fresh). */
    RUNNING,
    /** Completed normally. */
    FINISHED,
    /** Ended with an error; {@link RunRecord#error()} says which. */
    FAILED,
    /** Cancelled by a user (SIGINT, SIGTERM, console). */
    KILLED,
    /** Its owner process died (stale heartbeat or vanished PID); found at the next start. */
    INTERRUPTED;

    /** @return whether the run has ended */
    public boolean isTerminal() {
        return this != RUNNING;
    }
}
