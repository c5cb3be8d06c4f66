package org.myelin.core.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ParallelRowsTest {

    @Test
    void coversEveryRowExactlyOnceInContiguousBalancedChunks() {
        try (ParallelRows rows = ParallelRows.withThreads(3)) {
            AtomicIntegerArray seen = new AtomicIntegerArray(10);
            List<int[]> chunks = Collections.synchronizedList(new ArrayList<>());
            rows.forEach(10, (from, to) -> {
                chunks.add(new int[] {from, to});
                for (int i = from; i < to; i++) {
                    seen.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 10; i++) {
                assertEquals(1, seen.get(i), "row " + i);
            }
            // 10 rows in 3 chunks: [0,3) [3,6) [6,10)
            chunks.sort((a, b) -> a[0] - b[0]);
            assertEquals(List.of(3, 6, 10), chunks.stream().map(c -> c[1]).toList());
        }
    }

    @Test
    void neverMakesMoreChunksThanRows() {
        try (ParallelRows rows = ParallelRows.withThreads(4)) {
            List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
            rows.forEach(2, (from, to) -> sizes.add(to - from));
            assertEquals(List.of(1, 1), sizes);
        }
    }

    @Test
    void rethrowsAWorkerFailureUnwrapped() {
        try (ParallelRows rows = ParallelRows.withThreads(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> rows.forEach(4, (from, to) -> {
                if (from > 0) {
                    throw new IllegalStateException("chunk at " + from);
                }
            }));
            assertEquals("chunk at 2", e.getMessage());
        }
    }

    @Test
    void rejectsZeroThreads() {
        assertThrows(IllegalArgumentException.class, () -> ParallelRows.withThreads(0));
    }
}
