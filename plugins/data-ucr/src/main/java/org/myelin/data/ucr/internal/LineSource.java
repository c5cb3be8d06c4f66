package org.myelin.data.ucr.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.myelin.api.InvalidInputException;

/**
 * The lines of a text file with their numbers, hashing the bytes as they are read, so that the
 * SHA-256 recorded with a run is of exactly the bytes that were parsed.
 */
final class LineSource implements Closeable {

    private final Path file;
    private final DigestInputStream digestStream;
    private final BufferedReader reader;
    private int line;

    LineSource(Path file) throws IOException {
        this.file = file;
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no SHA-256", e);
        }
        InputStream in = Files.newInputStream(file);
        this.digestStream = new DigestInputStream(in, sha);
        this.reader = new BufferedReader(new InputStreamReader(digestStream, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * @return the next line without its terminator, or {@code null} at the end of the file
     * @throws IOException when reading fails
     */
    String next() throws IOException {
        String s = reader.readLine();
        if (s != null) {
            line++;
            if (!s.isEmpty() && s.charAt(s.length() - 1) == '\r') {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /** @return the 1-based number of the line last returned by {@link #next()} */
    int line() {
        return line;
    }

    /** @return the file */
    Path file() {
        return file;
    }

    /**
     * @param problem what is wrong with the current line
     * @param fix what would be right
     * @return an exception naming the file and the current line
     */
    InvalidInputException error(String problem, String fix) {
        return new InvalidInputException(file + ":" + line, problem, fix);
    }

    /**
     * Reads what is left of the file and returns the digest of all its bytes.
     *
     * @return SHA-256, lower-case hex
     * @throws IOException when reading fails
     */
    String sha256() throws IOException {
        char[] buf = new char[8192];
        while (reader.read(buf) >= 0) {
            // drain, so that the digest covers the whole file
        }
        return HexFormat.of().formatHex(digestStream.getMessageDigest().digest());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
