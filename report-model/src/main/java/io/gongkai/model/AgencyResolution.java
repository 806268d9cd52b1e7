package io.gongkai.model;

import java.util.List;

/**
 * How {@code agency}, {@code region} and {@code administrativeLevel} were decided: the confidence of the result
 * (0 when no body could be named), the source the name was taken from, the body's kind as the text calls itself
 * (我局 → 局), and every candidate seen, so a reviewer can check the choice.
 */
public record AgencyResolution(double confidence, String source, String selfReference, List<AgencyCandidate> candidates) {
    public AgencyResolution {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
