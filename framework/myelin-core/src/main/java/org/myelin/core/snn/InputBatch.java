package org.myelin.core.snn;

import java.util.Arrays;

/**
 * The input of one batch over {@code steps} time steps, in one of three forms:
 * <ul>
 * <li>{@link Form#DENSE}: values {@code [T][B][C]} (time-major), e.g. a time series fed as current;</li>
 * <li>{@link Form#CONSTANT}: values {@code [B][C]} repeated at every step (direct-current coding of a
 *     static sample); the engine then computes the first projection once per sample;</li>
 * <li>{@link Form#SPIKES}: events per row {@code r = t * B + b} in compressed rows
 *     ({@link #rowStart()}, {@link #index()}, {@link #value()}; a value is a spike count, usually 1),
 *     which the engine accumulates event by event.</li>
 * </ul>
 * Each batch row also carries a seed ({@link #rowSeeds()}) from which the engine draws that
 * sample's noise, so results do not depend on how the batch is split over threads. An instance
 * is meant to be refilled batch after batch; its arrays grow when needed and are kept.
 */
public final class InputBatch {

    /** The representation of the values. */
    public enum Form {
        /** {@code [T][B][C]} values. */
        DENSE,
        /** {@code [B][C]} values held at every step. */
        CONSTANT,
        /** Events in compressed rows. */
        SPIKES
    }

    private Form form = Form.DENSE;
    private int steps;
    private int batch;
    private int channels;
    private float[] dense = new float[0];
    private int[] rowStart = new int[1];
    private int[] index = new int[0];
    private float[] value = new float[0];
    private int events;
    private long[] rowSeeds = new long[0];

    /**
     * Starts a dense or constant batch; fill {@link #dense()} afterwards.
     *
     * @param form {@link Form#DENSE} or {@link Form#CONSTANT}
     * @param steps time steps (at least 1)
     * @param batch batch rows (at least 1)
     * @param channels input channels (at least 1)
     * @return this
     */
    public InputBatch resetDense(Form form, int steps, int batch, int channels) {
        if (form == Form.SPIKES) {
            throw new IllegalArgumentException("use resetSpikes for spike input");
        }
        shape(form, steps, batch, channels);
        int need = form == Form.DENSE ? steps * batch * channels : batch * channels;
        if (dense.length < need) {
            dense = new float[need];
        }
        Arrays.fill(dense, 0, need, 0f);
        return this;
    }

    /**
     * Starts a spike batch with no events; add them row by row in order with {@link #addEvent}
     * and {@link #endRow}.
     *
     * @param steps time steps
     * @param batch batch rows
     * @param channels input channels
     * @return this
     */
    public InputBatch resetSpikes(int steps, int batch, int channels) {
        shape(Form.SPIKES, steps, batch, channels);
        if (rowStart.length < steps * batch + 1) {
            rowStart = new int[steps * batch + 1];
        }
        rowStart[0] = 0;
        events = 0;
        rowsEnded = 0;
        return this;
    }

    private int rowsEnded;

    private void shape(Form form, int steps, int batch, int channels) {
        if (steps < 1 || batch < 1 || channels < 1) {
            throw new IllegalArgumentException("a batch needs at least 1 step, row and channel, got " + steps + " x " + batch
                    + " x " + channels);
        }
        this.form = form;
        this.steps = steps;
        this.batch = batch;
        this.channels = channels;
        if (rowSeeds.length < batch) {
            rowSeeds = new long[batch];
        }
    }

    /**
     * Adds an event to the current row ({@code t * B + b}, rows in increasing order).
     *
     * @param channel input channel
     * @param count its value (1 for a spike)
     */
    public void addEvent(int channel, float count) {
        if (channel < 0 || channel >= channels) {
            throw new IllegalArgumentException("channel " + channel + " outside [0, " + channels + ")");
        }
        if (events == index.length) {
            int grow = Math.max(1024, index.length * 2);
            index = Arrays.copyOf(index, grow);
            value = Arrays.copyOf(value, grow);
        }
        index[events] = channel;
        value[events] = count;
        events++;
    }

    /** Ends the current row; call it once for each of the {@code T * B} rows, in order. */
    public void endRow() {
        rowsEnded++;
        rowStart[rowsEnded] = events;
    }

    /**
     * @param t time step
     * @param b batch row
     * @return the compressed row index {@code t * B + b}
     */
    public int row(int t, int b) {
        return t * batch + b;
    }

    /** @return the form */
    public Form form() {
        return form;
    }

    /** @return time steps */
    public int steps() {
        return steps;
    }

    /** @return batch rows */
    public int batch() {
        return batch;
    }

    /** @return input channels */
    public int channels() {
        return channels;
    }

    /** @return dense values ({@code [T][B][C]} or {@code [B][C]}); may be longer than needed */
    public float[] dense() {
        return dense;
    }

    /** @return compressed row starts, {@code T * B + 1} used */
    public int[] rowStart() {
        return rowStart;
    }

    /** @return event channels */
    public int[] index() {
        return index;
    }

    /** @return event values */
    public float[] value() {
        return value;
    }

    /** @return the number of events */
    public int eventCount() {
        return events;
    }

    /** @return one noise seed per batch row; set them before running the batch */
    public long[] rowSeeds() {
        return rowSeeds;
    }

    /** @throws IllegalStateException when a spike batch has not ended all its rows */
    void checkComplete() {
        if (form == Form.SPIKES && rowsEnded != steps * batch) {
            throw new IllegalStateException("spike batch has " + rowsEnded + " of " + (steps * batch) + " rows ended");
        }
    }
}
