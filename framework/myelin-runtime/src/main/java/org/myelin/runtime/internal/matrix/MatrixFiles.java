package org.myelin.runtime.internal.matrix;

import java.nio.file.Path;
import java.util.Locale;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.io.CsvMatrix;
import org.myelin.core.io.Npy;
import org.myelin.core.io.NpyArray;
import org.myelin.core.io.NpyDtype;

/**
 * Reads the 2-D representation matrices of {@code myelin compare} and of runs from {@code .npy}
 * (float32 or float64, C or Fortran order) and {@code .csv}/{@code .txt} (numbers only, no
 * header) files, through {@code org.myelin.core.io}. Every error names the file, and for CSV
 * the line and column.
 */
public final class MatrixFiles {

    private MatrixFiles() {
    }

    /**
     * @param file a {@code .npy} or {@code .csv} file
     * @return the matrix (rows = stimuli, columns = units)
     * @throws InvalidInputException naming the file when it is missing or malformed
     */
    public static Matrix read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return toMatrix(Npy.read(file, true), file.toString());
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            DoubleMatrix m = CsvMatrix.read(file);
            return new Matrix(m.rows(), m.cols(), m.data());
        }
        throw new InvalidInputException(file.toString(), "unknown matrix format", "give a .npy (float32/float64, 2-D) or .csv file");
    }

    /**
     * @param all the bytes of an NPY file
     * @param where names the source in messages
     * @return the 2-D matrix
     * @throws InvalidInputException when malformed
     */
    public static Matrix readNpy(byte[] all, String where) {
        return toMatrix(Npy.read(all, where, true), where);
    }

    private static Matrix toMatrix(NpyArray array, String where) {
        if (array.dtype() != NpyDtype.FLOAT32 && array.dtype() != NpyDtype.FLOAT64) {
            throw new InvalidInputException(where, "dtype " + array.dtype().descr() + " is not supported for a representation matrix",
                    "save float32 or float64 little-endian data (x.astype(numpy.float64))");
        }
        int[] shape = array.shape();
        if (shape.length != 2) {
            throw new InvalidInputException(where, "expected a 2-D array (stimuli x units), got shape " + java.util.Arrays.toString(shape),
                    "reshape to (n_stimuli, n_units)");
        }
        return new Matrix(shape[0], shape[1], array.toDoubles());
    }
}
