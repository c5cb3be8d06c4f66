package org.myelin.api.run;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Progress of long work. The host shows a bar when stderr is a terminal and throttled log
 * lines otherwise.
 */
@ProviderType
public interface ProgressReporter {

    /** One piece of work with a known or unknown total. */
    @ProviderType
    interface Task extends AutoCloseable {
        /**
         * @param units how many units were completed since the last call
         */
        void advance(long units);

        /**
         * @param text a short status shown beside the bar, e.g. {@code "loss 0.231"}
         */
        void status(String text);

        /** Marks the task complete. */
        @Override
        void close();
    }

    /**
     * Starts a task.
     *
     * @param name e.g. {@code "epoch 3/10"}
     * @param total total units, or {@code -1} when unknown
     * @param unit unit name, e.g. {@code "batches"}
     * @return the task
     */
    Task begin(String name, long total, String unit);
}
