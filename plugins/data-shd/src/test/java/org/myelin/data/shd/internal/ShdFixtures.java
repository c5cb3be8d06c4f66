package org.myelin.data.shd.internal;

import java.util.Map;

/** SHA-256 of the committed fixture files (sha256sum; listed in src/test/resources/README.md). */
final class ShdFixtures {

    static final Map<String, String> SHA256 = Map.of(
            "shd_train.h5", "846a0452a730fae78b1d0f0174c9e9dcbdbb0e114952c089de64176f0d501a3f",
            "shd_test.h5", "f4b38576a327d7b2cd82c9bcaec6a62d923d2cd8ea947adca4abc27e2ce34e2e");

    private ShdFixtures() {
    }
}
