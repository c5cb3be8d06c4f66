package org.myelin.data.idx.internal;

import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Sample;

/**
 * One split backed by the raw image and label bytes; a sample's float vector is made when it
 * is asked for, so a split of 60 000 MNIST images holds 47 MB of bytes, not 188 MB of floats.
 */
final class IdxSplit implements DataSplit {

    private final byte[] images;
    private final int imageOffset;
    private final byte[] labels;
    private final int labelOffset;
    private final int pixels;
    private final int size;
    private final float divisor;

    /**
     * @param images image file content
     * @param labels label file content
     * @param size number of samples exposed (at most the file's count)
     * @param divisor each pixel byte is divided by it (255 as torchvision's ToTensor, or 1)
     */
    IdxSplit(IdxFile images, IdxFile labels, int size, float divisor) {
        this.images = images.data();
        this.imageOffset = images.offset();
        this.labels = labels.data();
        this.labelOffset = labels.offset();
        this.pixels = images.itemSize();
        this.size = size;
        this.divisor = divisor;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Sample get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("sample " + index + " of a split with " + size + " samples");
        }
        float[] v = new float[pixels];
        int base = imageOffset + index * pixels;
        for (int p = 0; p < pixels; p++) {
            v[p] = (images[base + p] & 0xff) / divisor;
        }
        return new Sample(label(index), 1, pixels, v, null);
    }

    /**
     * @param index sample index
     * @return its class label
     */
    int label(int index) {
        return labels[labelOffset + index] & 0xff;
    }
}
